// A student joins a class with the code their teacher gave them.
import { listClasses } from "@interleave/db";
import type { Metadata } from "next";
import { JoinClassForm } from "@/components/class-forms";
import { currentActor, services } from "@/lib/server/db";
import { orRefuse } from "@/lib/server/guard";

export const metadata: Metadata = { title: "Join a class" };
export const dynamic = "force-dynamic";

export default async function JoinPage() {
  const { db } = await services();
  const actor = await currentActor();
  const classes = await orRefuse(() => listClasses(db, actor), "/join");
  const joined = classes.filter((c) => c.joinCode === null);
  return (
    <section className="space-y-6">
      <h1 className="text-2xl font-semibold">Join a class</h1>
      <p>Your teacher sees your progress on the course once you join their class.</p>
      <JoinClassForm />
      {joined.length > 0 && (
        <section aria-labelledby="your-classes" className="space-y-2">
          <h2 id="your-classes" className="text-lg font-semibold">
            Your classes
          </h2>
          <ul className="list-disc pl-6">
            {joined.map((c) => (
              <li key={c.id}>
                {c.name}{" "}
                <span className="text-slate-600 dark:text-slate-400">(teacher: {c.teacher.name})</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}
