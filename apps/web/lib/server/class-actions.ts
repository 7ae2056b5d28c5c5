"use server";
// Server actions for classes: a teacher creates one, a student joins one with its code. The
// data layer decides who may; its refusals come back as a sentence for the form.
import { createClass, joinClass } from "@interleave/db";
import { redirect } from "next/navigation";
import { currentActor, services } from "./db";
import { statusOf } from "./guard";

export type FormResult = { error: string } | null;

const MAX_FIELD = 200;

function field(form: unknown, name: string): string | null {
  if (!(form instanceof FormData)) return null;
  const value = form.get(name);
  return typeof value === "string" && value.length <= MAX_FIELD ? value : null;
}

function refusal(error: unknown, what: string): FormResult {
  const status = statusOf(error);
  if (status === 500) {
    console.error(`${what} failed`, error);
    return { error: "The server could not do this right now. Try again in a moment." };
  }
  if (status === 401) return { error: "Sign in first." };
  return { error: error instanceof Error ? error.message : "That did not work." };
}

/** Creates a class taught by the signed-in teacher, then opens it. */
export async function createClassAction(_previous: FormResult, form: unknown): Promise<FormResult> {
  const name = field(form, "name");
  if (name === null) return { error: "A class name is text of at most 100 characters." };
  let id: string;
  try {
    const { db } = await services();
    id = (await createClass(db, await currentActor(), { name })).id;
  } catch (error) {
    return refusal(error, "creating a class");
  }
  redirect(`/teach/${encodeURIComponent(id)}`);
}

/** Adds the signed-in student to the class with this join code. */
export async function joinClassAction(_previous: FormResult, form: unknown): Promise<FormResult> {
  const code = field(form, "code");
  if (code === null) return { error: "A join code is 8 letters and digits, like K7QP-M2XD." };
  try {
    const { db } = await services();
    await joinClass(db, await currentActor(), code);
  } catch (error) {
    return refusal(error, "joining a class");
  }
  redirect("/dashboard?joined=1");
}
