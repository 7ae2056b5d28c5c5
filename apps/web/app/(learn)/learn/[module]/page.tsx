import { renderMarkdown } from "@interleave/content";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ExerciseProgressBadge, ProgressProvider } from "@/app/_components/exercise-progress";
import { DifficultyBadge } from "@/components/difficulty-badge";
import { exerciseHref, findModule, getCourse, lessonHref, neighbours } from "@/lib/course";
import { RunnableExamples } from "./_components/runnable-examples";
import { TableOfContents } from "./_components/table-of-contents";

interface Params {
  params: Promise<{ module: string }>;
}

export const dynamicParams = false;

export async function generateStaticParams() {
  const course = await getCourse();
  return course.modules.map((m) => ({ module: m.id }));
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const module = await findModule((await params).module);
  return module ? { title: module.lesson.title, description: module.lesson.summary } : {};
}

export default async function LessonPage({ params }: Params) {
  const { module: moduleId } = await params;
  const course = await getCourse();
  const module = course.modules.find((m) => m.id === moduleId);
  if (!module) notFound();
  const { html, headings, codeBlocks } = await renderMarkdown(module.lesson.markdown, {
    links: { file: module.lesson.path, root: course.root, prefix: "/learn/" },
  });
  const { previous, next } = neighbours(course, module.id);
  const hasTitle = headings.some((h) => h.depth === 1);
  const toc = headings.filter((h) => h.depth === 2 || h.depth === 3);

  return (
    <div className="lg:grid lg:grid-cols-[minmax(0,1fr)_14rem] lg:gap-10">
      <article className="min-w-0">
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Module {course.modules.indexOf(module) + 1} of {course.modules.length}
        </p>
        {!hasTitle && <h1 className="mb-4 text-3xl font-bold tracking-tight">{module.lesson.title}</h1>}
        {toc.length > 0 && (
          <div className="my-4 lg:hidden">
            <TableOfContents headings={toc} collapsible />
          </div>
        )}
        <div
          id="lesson"
          className="prose prose-slate max-w-none dark:prose-invert"
          // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised by @interleave/content's renderer
          dangerouslySetInnerHTML={{ __html: html }}
        />
        <RunnableExamples
          containerId="lesson"
          examples={codeBlocks.map(({ id, source }) => ({ id, source }))}
        />

        {module.exercises.length > 0 && (
          <section aria-labelledby="practice" className="mt-10 space-y-3">
            <h2 id="practice" className="text-xl font-semibold">
              Practice
            </h2>
            <ProgressProvider>
              <ul className="space-y-2">
                {module.exercises.map((exercise) => (
                  <li key={exercise.id} className="flex items-center gap-3">
                    <Link
                      href={exerciseHref(exercise.id)}
                      className="text-blue-800 underline dark:text-blue-300"
                    >
                      {exercise.title}
                    </Link>
                    <DifficultyBadge difficulty={exercise.difficulty} />
                    <ExerciseProgressBadge exerciseId={exercise.id} />
                  </li>
                ))}
              </ul>
            </ProgressProvider>
          </section>
        )}

        <nav
          aria-label="Lessons"
          className="mt-12 flex justify-between gap-4 border-t border-slate-200 pt-4 text-sm dark:border-slate-800"
        >
          {previous ? (
            <Link
              href={lessonHref(previous.id)}
              rel="prev"
              className="text-blue-800 underline dark:text-blue-300"
            >
              ← {previous.lesson.title}
            </Link>
          ) : (
            <span />
          )}
          {next && (
            <Link
              href={lessonHref(next.id)}
              rel="next"
              className="text-blue-800 underline dark:text-blue-300"
            >
              {next.lesson.title} →
            </Link>
          )}
        </nav>
      </article>
      {toc.length > 0 && (
        <aside className="hidden lg:block">
          <div className="sticky top-6">
            <TableOfContents headings={toc} />
          </div>
        </aside>
      )}
    </div>
  );
}
