/** Names and limits shared by the app's pages, actions and tests. */
export const COURSE_NAME = "Interleave";

/** The largest program Submit accepts, in bytes of UTF-8. */
export const MAX_CODE_BYTES = 64 * 1024;

/** localStorage key of a draft of an exercise's code. */
export function draftKey(exerciseId: string): string {
  return `interleave:draft:${exerciseId}`;
}

/** localStorage key of the exercise the student last worked on. */
export const LAST_EXERCISE_KEY = "interleave:last-exercise";
