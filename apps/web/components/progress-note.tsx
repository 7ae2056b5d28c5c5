// Under Submit's results: whether the submission was kept, or an offer to sign in to keep it.
import Link from "next/link";

export type RecordedState = "recorded" | "anonymous" | "failed" | null;

export function ProgressNote({ recorded, exerciseId }: { recorded: RecordedState; exerciseId: string }) {
  if (recorded === null) return null;
  if (recorded === "recorded") {
    return (
      <p className="text-sm text-slate-700 dark:text-slate-300">
        Saved to your progress.{" "}
        <Link href="/dashboard" className="underline">
          See your dashboard
        </Link>
        .
      </p>
    );
  }
  if (recorded === "failed") {
    return (
      <p role="status" className="text-sm text-amber-800 dark:text-amber-300">
        Graded, but your progress could not be saved this time. Submit again to keep it.
      </p>
    );
  }
  const next = encodeURIComponent(`/learn/${exerciseId}`);
  return (
    <p className="text-sm text-slate-700 dark:text-slate-300">
      This result is not kept.{" "}
      <Link href={`/sign-in?next=${next}`} className="font-medium text-blue-700 underline dark:text-blue-400">
        Sign in to keep your progress
      </Link>
      .
    </p>
  );
}
