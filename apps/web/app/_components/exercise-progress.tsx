"use client";
// Each exercise's status for a signed-in student on the static course pages: the provider asks
// /api/progress once after load; a badge shows "Passed", "Attempted" or "Not started" (icon,
// word and colour). For anonymous visitors, and until the answer arrives, badges render nothing,
// so the page is exactly what it was without accounts.
import { createContext, type ReactNode, useContext, useEffect, useState } from "react";
import type { ExerciseProgress, ProgressAnswer } from "../api/progress/route";

type Known = Readonly<Record<string, ExerciseProgress>> | null;

const ProgressContext = createContext<Known>(null);

/** Fetches the signed-in student's progress and hands it to the badges inside. */
export function ProgressProvider({ children }: { children: ReactNode }) {
  const [known, setKnown] = useState<Known>(null);
  useEffect(() => {
    let live = true;
    fetch("/api/progress", { cache: "no-store" })
      .then((response) => (response.ok ? (response.json() as Promise<ProgressAnswer>) : null))
      .then((body) => live && setKnown(body?.signedIn ? body.exercises : null))
      .catch(() => live && setKnown(null));
    return () => {
      live = false;
    };
  }, []);
  return <ProgressContext.Provider value={known}>{children}</ProgressContext.Provider>;
}

const LOOK = {
  passed: {
    icon: "✓",
    text: "Passed",
    className: "bg-green-100 text-green-900 dark:bg-green-950 dark:text-green-200",
  },
  attempted: {
    icon: "…",
    text: "Attempted",
    className: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200",
  },
  none: {
    icon: "–",
    text: "Not started",
    className: "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300",
  },
} as const;

/** The signed-in student's status on one exercise; nothing for anonymous visitors. */
export function ExerciseProgressBadge({ exerciseId }: { exerciseId: string }) {
  const known = useContext(ProgressContext);
  if (!known) return null;
  const look = LOOK[known[exerciseId] ?? "none"];
  return (
    <span
      className={`inline-flex shrink-0 items-center gap-1 rounded px-1.5 py-0.5 text-xs font-medium ${look.className}`}
      data-progress={known[exerciseId] ?? "none"}
    >
      <span aria-hidden="true">{look.icon}</span>
      {look.text}
    </span>
  );
}
