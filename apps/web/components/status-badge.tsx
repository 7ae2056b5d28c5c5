// A progress status as an icon, a word and a colour, so colour is never the only cue.
export type BadgeStatus = "pass" | "fail" | "error" | "none";

const LOOK: Record<BadgeStatus, { icon: string; text: string; className: string }> = {
  pass: {
    icon: "✓",
    text: "Passed",
    className: "bg-green-100 text-green-900 dark:bg-green-950 dark:text-green-200",
  },
  fail: {
    icon: "✗",
    text: "Failing",
    className: "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200",
  },
  error: {
    icon: "!",
    text: "Error",
    className: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200",
  },
  none: {
    icon: "–",
    text: "Not started",
    className: "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300",
  },
};

/** The words a status is shown with. */
export function statusText(status: BadgeStatus): string {
  return LOOK[status].text;
}

export function StatusBadge({ status, compact = false }: { status: BadgeStatus; compact?: boolean }) {
  const look = LOOK[status];
  return (
    <span
      className={`inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-xs font-medium ${look.className}`}
    >
      <span aria-hidden="true">{look.icon}</span>
      {compact ? <span className="sr-only">{look.text}</span> : look.text}
    </span>
  );
}
