import Link from "next/link";
import { ContinueLink } from "@/components/continue-link";
import { DifficultyBadge } from "@/components/difficulty-badge";
import { InlineCodeText } from "@/components/inline-code-text";
import { exerciseHref, getCourse, lessonHref } from "@/lib/course";
import { ExerciseProgressBadge, ProgressProvider } from "./_components/exercise-progress";
import { courseOutline } from "./course-outline";

export default async function HomePage() {
  const course = await getCourse();
  const present = new Set(course.modules.map((m) => m.id));
  // Modules the course plans but whose folder is not written yet.
  const planned = courseOutline.filter((m) => !present.has(m.id));
  const titles = Object.fromEntries(course.modules.flatMap((m) => m.exercises.map((e) => [e.id, e.title])));

  return (
    <div className="space-y-10">
      <section className="space-y-3">
        <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">Learn concurrency by running it</h1>
        <p className="max-w-2xl text-lg text-slate-600 dark:text-slate-300">
          From processes and threads to Python&apos;s asyncio. Every program runs on a deterministic scheduler
          with a virtual clock: a ten-second sleep takes microseconds, and a race condition can be found,
          replayed and drawn.
        </p>
        <ContinueLink titles={titles} />
      </section>
      <section aria-labelledby="course-map" className="space-y-4">
        <h2 id="course-map" className="text-xl font-semibold">
          The course
        </h2>
        <ProgressProvider>
          <ol className="grid gap-3 sm:grid-cols-2">
            {course.modules.map((module, index) => (
              <li key={module.id} className="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
                <p className="text-sm text-slate-600 dark:text-slate-400">Module {index + 1}</p>
                <h3 className="font-semibold">
                  <Link href={lessonHref(module.id)} className="underline-offset-2 hover:underline">
                    {module.lesson.title}
                  </Link>
                </h3>
                <p className="text-sm text-slate-600 dark:text-slate-300">
                  <InlineCodeText text={module.lesson.summary} />
                </p>
                {module.exercises.length > 0 && (
                  <ul className="mt-3 space-y-1 text-sm" aria-label={`Exercises of ${module.lesson.title}`}>
                    {module.exercises.map((exercise) => (
                      <li key={exercise.id} className="flex items-center gap-2">
                        <Link
                          href={exerciseHref(exercise.id)}
                          className="mr-auto text-blue-800 underline-offset-2 hover:underline dark:text-blue-300"
                        >
                          {exercise.title}
                        </Link>
                        <DifficultyBadge difficulty={exercise.difficulty} />
                        <ExerciseProgressBadge exerciseId={exercise.id} />
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
            {planned.map((module) => (
              <li
                key={module.id}
                className="rounded-lg border border-dashed border-slate-300 p-4 dark:border-slate-700"
              >
                <p className="text-sm text-slate-600 dark:text-slate-400">In preparation</p>
                <h3 className="font-semibold">{module.title}</h3>
                <p className="text-sm text-slate-600 dark:text-slate-300">
                  <InlineCodeText text={module.summary} />
                </p>
              </li>
            ))}
          </ol>
        </ProgressProvider>
      </section>
    </div>
  );
}
