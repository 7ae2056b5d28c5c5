import type { Metadata } from "next";
import { AuthForm } from "@/components/auth-form";
import { returnPath } from "@/lib/server/return-path";

export const metadata: Metadata = { title: "Sign up" };

export default async function SignUpPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string | string[] }>;
}) {
  const { next } = await searchParams;
  // Only a path on this site is followed afterwards (lib/server/return-path.ts).
  const back = next === undefined ? undefined : returnPath(next);
  return (
    <section className="space-y-6">
      <h1 className="text-2xl font-semibold">Create an account</h1>
      <p>Your submissions and drafts are kept, and your teacher can see how you are doing.</p>
      <AuthForm mode="sign-up" next={back} />
    </section>
  );
}
