"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { readLastExercise } from "./drafts";

/**
 * "Continue where you left off": the exercise last opened in this browser, from localStorage
 * until accounts keep progress on the server. Renders nothing for a first visit.
 */
export function ContinueLink({ titles }: { titles: Readonly<Record<string, string>> }) {
  const [last, setLast] = useState<string | null>(null);
  useEffect(() => {
    const entry = readLastExercise();
    if (entry && entry.id in titles) setLast(entry.id);
  }, [titles]);
  if (!last) return null;
  return (
    <p className="rounded-lg border border-blue-200 bg-blue-50 p-4 dark:border-blue-900 dark:bg-blue-950">
      <Link href={`/learn/${last}`} className="font-semibold text-blue-800 underline dark:text-blue-300">
        Continue where you left off: {titles[last]}
      </Link>
    </p>
  );
}
