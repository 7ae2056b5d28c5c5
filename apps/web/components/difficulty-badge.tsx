const STYLE: Record<string, string> = {
  intro: "bg-slate-100 text-slate-800 dark:bg-slate-800 dark:text-slate-200",
  easy: "bg-green-100 text-green-900 dark:bg-green-950 dark:text-green-200",
  medium: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200",
  hard: "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200",
};

/** An exercise's difficulty as a small labelled badge (text, not colour alone). */
export function DifficultyBadge({ difficulty }: { difficulty: string }) {
  return (
    <span
      className={`shrink-0 rounded px-1.5 py-0.5 text-xs font-medium ${STYLE[difficulty] ?? STYLE.intro}`}
    >
      {difficulty}
    </span>
  );
}
