import type { Metadata } from "next";
import { AuthForm } from "@/components/auth-form";
import { returnPath } from "@/lib/server/return-path";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string | string[] }>;
}) {
  const { next } = await searchParams;
  // Only a path on this site is followed afterwards (lib/server/return-path.ts).
  const back = next === undefined ? undefined : returnPath(next);
  return (
    <section className="space-y-6">
      <h1 className="text-2xl font-semibold">Sign in</h1>
      <p>Sign in to keep your progress and drafts.</p>
      <AuthForm mode="sign-in" next={back} />
    </section>
  );
}
