"use client";
// Signs out through better-auth's route, then reloads the page's server data.
import { useRouter } from "next/navigation";
import { useState } from "react";

export function SignOutButton({ onSignedOut }: { onSignedOut?: () => void }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  async function signOut() {
    setBusy(true);
    try {
      await fetch("/api/auth/sign-out", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{}",
      });
    } finally {
      setBusy(false);
      onSignedOut?.();
      router.push("/");
      router.refresh();
    }
  }
  return (
    <button
      type="button"
      onClick={signOut}
      disabled={busy}
      className="rounded-md border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
    >
      {busy ? "Signing out…" : "Sign out"}
    </button>
  );
}
