/**
 * The runtime's TypeScript declarations (the "interleave" module: asyncio, threading, print ...)
 * for the editor, so completion and hover know them. They come from @interleave/sandbox once it
 * publishes them; until then the editor has TypeScript's own libraries only.
 */
export interface RuntimeTypes {
  /** The path the declarations are registered under in the editor's TypeScript service. */
  path: string;
  content: string;
}

/** The declarations to add to the editor, or undefined when none are available. */
export function runtimeTypes(): RuntimeTypes | undefined {
  return undefined;
}
