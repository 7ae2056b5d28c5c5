"use server";
// Drafts on the server for signed-in students (the browser keeps them in localStorage for
// everyone else). Both answer quietly: a draft is a convenience, never an error on the page.
import { getDraft, saveDraft } from "@interleave/db";
import { currentActor, services } from "./db";
import { statusOf } from "./guard";

export type DraftLoad = { signedIn: false } | { signedIn: true; code: string | null };

/** The signed-in student's saved draft of an exercise (code null when none). */
export async function loadServerDraft(exerciseId: unknown): Promise<DraftLoad> {
  if (typeof exerciseId !== "string") return { signedIn: false };
  const actor = await currentActor();
  if (!actor) return { signedIn: false };
  try {
    const { db } = await services();
    return { signedIn: true, code: (await getDraft(db, actor, exerciseId))?.code ?? null };
  } catch (error) {
    if (statusOf(error) === 500) console.error("loading a draft failed", error);
    return { signedIn: true, code: null };
  }
}

/** Saves the signed-in student's draft; false when nobody is signed in or it was refused. */
export async function saveServerDraft(exerciseId: unknown, code: unknown): Promise<boolean> {
  if (typeof exerciseId !== "string" || typeof code !== "string") return false;
  const actor = await currentActor();
  if (!actor) return false;
  try {
    const { db } = await services();
    await saveDraft(db, actor, { exerciseId, code });
    return true;
  } catch (error) {
    if (statusOf(error) === 500) console.error("saving a draft failed", error);
    return false;
  }
}
