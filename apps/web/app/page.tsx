import { courseOutline } from "./course-outline";

export default function HomePage() {
  return (
    <div className="space-y-10">
      <section className="space-y-3">
        <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">Learn concurrency by running it</h1>
        <p className="max-w-2xl text-lg text-slate-600 dark:text-slate-300">
          From processes and threads to Python&apos;s asyncio. Every program runs on a deterministic scheduler
          with a virtual clock: a ten-second sleep takes microseconds, and a race condition can be found,
          replayed and drawn.
        </p>
      </section>
      <section aria-labelledby="course-map" className="space-y-4">
        <h2 id="course-map" className="text-xl font-semibold">
          The course
        </h2>
        <ol className="grid gap-3 sm:grid-cols-2">
          {courseOutline.map((module, index) => (
            <li key={module.id} className="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
              <p className="text-sm text-slate-500 dark:text-slate-400">Module {index + 1}</p>
              <h3 className="font-semibold">{module.title}</h3>
              <p className="text-sm text-slate-600 dark:text-slate-300">{module.summary}</p>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
