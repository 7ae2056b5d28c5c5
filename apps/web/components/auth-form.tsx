"use client";
// The sign-in and sign-up form: posts to better-auth's routes (where the rate limits apply),
// announces failures in a live region and moves focus to them, then returns to `next`.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, useRef, useState } from "react";
import { authFailureMessage } from "@/lib/auth-messages";

const field =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 dark:border-slate-700 dark:bg-slate-900";

/** Only same-site paths are followed after signing in. */
function safeNext(next: string | undefined): string {
  return next?.startsWith("/") && !next.startsWith("//") ? next : "/";
}

export function AuthForm({ mode, next }: { mode: "sign-in" | "sign-up"; next?: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const errorRef = useRef<HTMLParagraphElement>(null);
  const signUp = mode === "sign-up";

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    const name = String(form.get("name") ?? "").trim() || email.split("@")[0];
    setBusy(true);
    setError(null);
    try {
      const response = await fetch(`/api/auth/${signUp ? "sign-up" : "sign-in"}/email`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(signUp ? { email, password, name } : { email, password }),
      });
      if (response.ok) {
        router.push(safeNext(next));
        router.refresh();
        return;
      }
      const body = await response.json().catch(() => null);
      const retry = Number(response.headers.get("x-retry-after") ?? "");
      setError(authFailureMessage(response.status, body, Number.isFinite(retry) ? retry : undefined));
    } catch {
      setError("The server could not be reached. Check your connection and try again.");
    } finally {
      setBusy(false);
    }
    requestAnimationFrame(() => errorRef.current?.focus());
  }

  const other = signUp ? "/sign-in" : "/sign-up";
  const otherHref = next ? `${other}?next=${encodeURIComponent(safeNext(next))}` : other;
  return (
    <form
      onSubmit={submit}
      className="max-w-sm space-y-4"
      aria-describedby={error ? "auth-error" : undefined}
    >
      <p
        id="auth-error"
        ref={errorRef}
        tabIndex={-1}
        role="alert"
        className={
          error
            ? "rounded-md border border-red-300 bg-red-50 p-3 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
            : "sr-only"
        }
      >
        {error}
      </p>
      {signUp && (
        <label className="block">
          Name <span className="text-slate-500">(shown to your teacher)</span>
          <input name="name" autoComplete="name" maxLength={100} className={field} />
        </label>
      )}
      <label className="block">
        Email
        <input name="email" type="email" required autoComplete="email" maxLength={254} className={field} />
      </label>
      <label className="block">
        Password{signUp && <span className="text-slate-500"> (8 to 128 characters)</span>}
        <input
          name="password"
          type="password"
          required
          minLength={signUp ? 8 : undefined}
          maxLength={128}
          autoComplete={signUp ? "new-password" : "current-password"}
          className={field}
        />
      </label>
      <button
        type="submit"
        disabled={busy}
        className="rounded-md bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800 disabled:opacity-60"
      >
        {busy ? (signUp ? "Creating account…" : "Signing in…") : signUp ? "Sign up" : "Sign in"}
      </button>
      <p className="text-sm">
        {signUp ? "Already have an account? " : "New here? "}
        <Link href={otherHref} className="text-blue-700 underline dark:text-blue-400">
          {signUp ? "Sign in" : "Create an account"}
        </Link>
      </p>
    </form>
  );
}
