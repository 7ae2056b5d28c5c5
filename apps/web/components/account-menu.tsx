"use client";
// The header's account corner: who is signed in and a sign-out button, or a "Sign in" link.
// A client component asking /api/auth/get-session, so that the layout reads no cookies and the
// course pages stay static.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";
import { SignOutButton } from "./sign-out-button";

interface Who {
  name: string;
  email: string;
}

export function AccountMenu() {
  const pathname = usePathname();
  const [who, setWho] = useState<Who | null | undefined>(undefined);
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-ask after each navigation (sign-in, sign-out)
  useEffect(() => {
    let live = true;
    fetch("/api/auth/get-session", { cache: "no-store" })
      .then((response) => (response.ok ? response.json() : null))
      .then((body: { user?: Who } | null) => live && setWho(body?.user ?? null))
      .catch(() => live && setWho(null));
    return () => {
      live = false;
    };
  }, [pathname]);

  if (who === undefined) return <span className="w-16" aria-hidden="true" />;
  if (!who) {
    const next = pathname && !pathname.startsWith("/sign-") ? `?next=${encodeURIComponent(pathname)}` : "";
    return (
      <Link href={`/sign-in${next}`} className="text-sm text-blue-700 underline dark:text-blue-400">
        Sign in
      </Link>
    );
  }
  return (
    <div className="flex items-center gap-3 text-sm">
      <Link href="/dashboard" className="underline" title={who.email}>
        <span className="sr-only">Signed in as </span>
        {who.name || who.email}
      </Link>
      <SignOutButton onSignedOut={() => setWho(null)} />
    </div>
  );
}
