/**
 * The runtime's TypeScript declarations (the "interleave" module: asyncio, threading, print ...)
 * for the editor, so completion and hover know them. Sent with the exercise page, registered in
 * Monaco's TypeScript service as if it were an installed package's types.
 */
import { INTERLEAVE_DTS } from "@interleave/sandbox";

export interface RuntimeTypes {
  /** The path the declarations are registered under in the editor's TypeScript service. */
  path: string;
  content: string;
}

/** The declarations to add to the editor. */
export function runtimeTypes(): RuntimeTypes {
  return { path: "file:///node_modules/@types/interleave/index.d.ts", content: INTERLEAVE_DTS };
}
