import { renderMarkdown } from "@interleave/content";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DifficultyBadge } from "@/components/difficulty-badge";
import { Hints } from "@/components/hints";
import { getCourse, lessonHref } from "@/lib/course";
import { runtimeTypes } from "@/lib/runtime-types";
import { ExerciseWorkspace } from "./_components/exercise-workspace";

interface Params {
  params: Promise<{ module: string; exercise: string }>;
}

export const dynamicParams = false;

export async function generateStaticParams() {
  const course = await getCourse();
  return course.modules.flatMap((m) => m.exercises.map((e) => ({ module: m.id, exercise: e.slug })));
}

async function find(params: Params["params"]) {
  const { module: moduleId, exercise: slug } = await params;
  const course = await getCourse();
  const module = course.modules.find((m) => m.id === moduleId);
  const exercise = module?.exercises.find((e) => e.slug === slug);
  return module && exercise ? { course, module, exercise } : undefined;
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const found = await find(params);
  return found ? { title: found.exercise.title } : {};
}

export default async function ExercisePage({ params }: Params) {
  const found = await find(params);
  if (!found) notFound();
  const { course, module, exercise } = found;
  const prompt = await renderMarkdown(exercise.prompt, {
    runnable: false,
    links: { file: exercise.files.readme, root: course.root, prefix: "/learn/" },
  });

  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
      <div className="min-w-0 space-y-6">
        <div className="space-y-2">
          <p className="text-sm">
            <Link href={lessonHref(module.id)} className="text-blue-800 underline dark:text-blue-300">
              {module.lesson.title}
            </Link>
          </p>
          <div className="flex flex-wrap items-center gap-3">
            <h1 className="text-2xl font-bold tracking-tight">{exercise.title}</h1>
            <DifficultyBadge difficulty={exercise.difficulty} />
          </div>
        </div>
        <div
          className="prose prose-slate max-w-none dark:prose-invert"
          // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised by @interleave/content's renderer
          dangerouslySetInnerHTML={{ __html: prompt.html }}
        />
        <Hints hints={exercise.hints} />
      </div>
      <section aria-label="Your solution" className="min-w-0">
        <ExerciseWorkspace
          exerciseId={exercise.id}
          title={exercise.title}
          starter={exercise.starter}
          types={runtimeTypes()}
        />
      </section>
    </div>
  );
}
