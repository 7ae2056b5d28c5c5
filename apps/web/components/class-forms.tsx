"use client";
// The create-class and join-class forms: one field, a button, and the refusal read out.
import { useActionState } from "react";
import { createClassAction, type FormResult, joinClassAction } from "@/lib/server/class-actions";

const FIELD =
  "mt-1 block w-full max-w-xs rounded-md border border-slate-300 bg-white px-3 py-2 dark:border-slate-700 dark:bg-slate-900";
const BUTTON =
  "rounded-md bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800 disabled:opacity-60";

function Failure({ result, id }: { result: FormResult; id: string }) {
  return (
    <p id={id} role="alert" className={result ? "text-red-800 dark:text-red-300" : "sr-only"}>
      {result?.error}
    </p>
  );
}

export function CreateClassForm() {
  const [result, action, pending] = useActionState(createClassAction, null);
  return (
    <form action={action} className="space-y-3">
      <label className="block">
        Class name
        <input
          name="name"
          required
          maxLength={100}
          className={FIELD}
          aria-describedby="create-error"
          aria-invalid={result ? true : undefined}
        />
      </label>
      <Failure result={result} id="create-error" />
      <button type="submit" className={BUTTON} disabled={pending}>
        {pending ? "Creating…" : "Create class"}
      </button>
    </form>
  );
}

export function JoinClassForm() {
  const [result, action, pending] = useActionState(joinClassAction, null);
  return (
    <form action={action} className="space-y-3">
      <label className="block">
        Join code <span className="text-slate-500">(from your teacher, like K7QP-M2XD)</span>
        <input
          name="code"
          required
          maxLength={20}
          autoComplete="off"
          autoCapitalize="characters"
          className={FIELD}
          aria-describedby="join-error"
          aria-invalid={result ? true : undefined}
        />
      </label>
      <Failure result={result} id="join-error" />
      <button type="submit" className={BUTTON} disabled={pending}>
        {pending ? "Joining…" : "Join class"}
      </button>
    </form>
  );
}
