import type { Metadata } from "next";
import { AuthForm } from "@/components/auth-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next } = await searchParams;
  return (
    <section className="space-y-6">
      <h1 className="text-2xl font-semibold">Sign in</h1>
      <p>Sign in to keep your progress and drafts.</p>
      <AuthForm mode="sign-in" next={next} />
    </section>
  );
}
