// A teacher's classes with their join codes, and a form to create one.
import { currentUser, listClasses } from "@interleave/db";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CreateClassForm } from "@/components/class-forms";
import { currentActor, services } from "@/lib/server/db";
import { orRefuse } from "@/lib/server/guard";

export const metadata: Metadata = { title: "Your classes" };
export const dynamic = "force-dynamic";

export default async function TeachPage() {
  const { db } = await services();
  const actor = await currentActor();
  const user = await orRefuse(() => currentUser(db, actor), "/teach");
  if (user?.role !== "teacher") notFound();
  const taught = (await listClasses(db, actor)).filter((c) => c.teacher.id === user.id);
  return (
    <section className="space-y-8">
      <h1 className="text-2xl font-semibold">Your classes</h1>
      {taught.length === 0 ? (
        <p>No classes yet. Create one and give its join code to your students.</p>
      ) : (
        <ul className="space-y-2">
          {taught.map((c) => (
            <li key={c.id} className="flex flex-wrap items-center gap-3">
              <Link href={`/teach/${c.id}`} className="font-medium underline">
                {c.name}
              </Link>
              <span>
                join code <code className="font-mono font-semibold">{c.joinCode}</code>
              </span>
              <span className="text-slate-600 dark:text-slate-400">
                {c.studentCount} {c.studentCount === 1 ? "student" : "students"}
              </span>
            </li>
          ))}
        </ul>
      )}
      <section aria-labelledby="new-class" className="space-y-3">
        <h2 id="new-class" className="text-lg font-semibold">
          New class
        </h2>
        <CreateClassForm />
      </section>
    </section>
  );
}
