/**
 * Drafts of exercise code in localStorage, until accounts store them on the server (issue 10).
 * Saving is debounced: a draft is written half a second after the last keystroke, and at once
 * when the page is hidden. A draft equal to the starter is removed rather than stored.
 */
import { draftKey, LAST_EXERCISE_KEY } from "@/lib/site";

export const DRAFT_DEBOUNCE_MS = 500;

function storage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null; // Disabled storage (some private modes) throws on access.
  }
}

/** The saved draft of an exercise, or null. */
export function readDraft(exerciseId: string): string | null {
  return storage()?.getItem(draftKey(exerciseId)) ?? null;
}

/** Saves a draft (or removes it when it equals the starter) and marks the exercise as last worked on. */
export function writeDraft(exerciseId: string, code: string, starter: string): void {
  const store = storage();
  if (!store) return;
  try {
    if (code === starter) store.removeItem(draftKey(exerciseId));
    else store.setItem(draftKey(exerciseId), code);
    store.setItem(LAST_EXERCISE_KEY, JSON.stringify({ id: exerciseId, at: Date.now() }));
  } catch {
    // Quota exceeded: keep editing; the draft just is not saved.
  }
}

/** The exercise the student last opened or edited, if any. */
export function readLastExercise(): { id: string; at: number } | null {
  const raw = storage()?.getItem(LAST_EXERCISE_KEY);
  if (!raw) return null;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (
      typeof parsed === "object" &&
      parsed !== null &&
      "id" in parsed &&
      typeof parsed.id === "string" &&
      "at" in parsed &&
      typeof parsed.at === "number"
    ) {
      return { id: parsed.id, at: parsed.at };
    }
  } catch {
    // A corrupt entry is ignored.
  }
  return null;
}

/** Marks an exercise as the last one opened. */
export function markOpened(exerciseId: string): void {
  try {
    storage()?.setItem(LAST_EXERCISE_KEY, JSON.stringify({ id: exerciseId, at: Date.now() }));
  } catch {
    // Ignored, as above.
  }
}

/** Calls `save` with the latest value after `ms` of quiet; `flush` saves at once. */
export function debounce<T>(save: (value: T) => void, ms: number) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: { value: T } | undefined;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    if (pending) {
      const { value } = pending;
      pending = undefined;
      save(value);
    }
  };
  return {
    push(value: T) {
      pending = { value };
      clearTimeout(timer);
      timer = setTimeout(flush, ms);
    },
    flush,
    cancel() {
      clearTimeout(timer);
      pending = undefined;
    },
  };
}
