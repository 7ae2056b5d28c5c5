import type { Metadata } from "next";
import { AuthForm } from "@/components/auth-form";

export const metadata: Metadata = { title: "Sign up" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next } = await searchParams;
  return (
    <section className="space-y-6">
      <h1 className="text-2xl font-semibold">Create an account</h1>
      <p>Your submissions and drafts are kept, and your teacher can see how you are doing.</p>
      <AuthForm mode="sign-up" next={next} />
    </section>
  );
}
