"use client";

import { useEffect, useRef, useState } from "react";

/** Progressive hints: each press of the button reveals the next one and moves focus to it. */
export function Hints({ hints }: { hints: readonly string[] }) {
  const [shown, setShown] = useState(0);
  const last = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (shown > 0) last.current?.focus();
  }, [shown]);
  if (hints.length === 0) return null;
  return (
    <section aria-labelledby="hints-heading" className="space-y-2">
      <h2 id="hints-heading" className="text-base font-semibold">
        Hints
      </h2>
      {shown > 0 && (
        <ol className="list-decimal space-y-1 pl-5 text-sm">
          {hints.slice(0, shown).map((hint, index) => (
            <li key={hint} ref={index === shown - 1 ? last : undefined} tabIndex={-1}>
              {hint}
            </li>
          ))}
        </ol>
      )}
      {shown < hints.length ? (
        <button
          type="button"
          onClick={() => setShown((n) => n + 1)}
          className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
        >
          {shown === 0 ? "Show a hint" : "Show the next hint"} ({shown + 1} of {hints.length})
        </button>
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-400">That was the last hint.</p>
      )}
    </section>
  );
}
