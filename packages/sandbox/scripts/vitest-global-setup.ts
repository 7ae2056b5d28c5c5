import { generateRuntimeBundle } from "./generate";

/** Vitest global setup: the runtime bundle must exist and be current before tests import it. */
export default async function setup(): Promise<void> {
  await generateRuntimeBundle();
}
