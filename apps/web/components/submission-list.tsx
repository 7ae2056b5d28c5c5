// A list of submissions, newest first: status, score, when, each check's result, and the code.
import type { SubmissionRecord } from "@interleave/db";
import { StatusBadge } from "./status-badge";

export function SubmissionList({ submissions }: { submissions: readonly SubmissionRecord[] }) {
  if (submissions.length === 0) return <p>No submissions yet.</p>;
  return (
    <ol className="space-y-3">
      {submissions.map((s, index) => (
        <li key={s.id} className="rounded-md border border-slate-200 p-3 dark:border-slate-800">
          <details open={index === 0}>
            <summary className="flex cursor-pointer flex-wrap items-center gap-3">
              <StatusBadge status={s.status} />
              <span>{Math.round(s.score * 100)}% of checks</span>
              <time
                dateTime={s.createdAt.toISOString()}
                className="text-sm text-slate-600 dark:text-slate-400"
              >
                {s.createdAt.toISOString().replace("T", " ").slice(0, 16)} UTC
              </time>
              {s.exerciseId && (
                <span className="text-sm text-slate-600 dark:text-slate-400">{s.exerciseId}</span>
              )}
            </summary>
            <ul className="mt-2 space-y-1 text-sm">
              {s.result.tests.map((test) => (
                <li key={test.name} className="flex flex-wrap gap-2">
                  <StatusBadge status={test.status} compact />
                  <span className="font-medium">{test.name}</span>
                  {test.status !== "pass" && test.message && <span>{test.message}</span>}
                </li>
              ))}
            </ul>
            <pre className="mt-2 max-h-64 overflow-auto rounded bg-slate-100 p-2 text-xs dark:bg-slate-900">
              <code>{s.code}</code>
            </pre>
          </details>
        </li>
      ))}
    </ol>
  );
}
