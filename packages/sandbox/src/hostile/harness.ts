/**
 * The hostile suite's harness: each file runs its programs through the real Node host (a
 * pool with one worker), and after every hostile program runs a canary and checks that its
 * result is exactly what a healthy sandbox gives, so a hostile run cannot leave the host
 * damaged or the next run affected.
 */
import type { RunResult } from "@interleave/scheduler";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { SandboxLimits } from "../limits";
import { createNodeSandbox, type NodeSandbox } from "../node/pool";

/** A hostile program and what its result must say. */
export interface HostileCase {
  name: string;
  source: string;
  status: RunResult["status"];
  /** The error type the result must carry. */
  type: string;
  /** A pattern the error message must match. */
  message?: RegExp;
}

const CANARY = `import { asyncio, print } from "interleave";
let shared = 0;
async function worker(name: string) {
  for (let i = 0; i < 3; i++) {
    shared += 1;
    await asyncio.sleep(0.5);
  }
  print(name, "done", shared);
}
async function main() {
  await asyncio.gather(worker("a"), worker("b"));
}
asyncio.run(main());
`;

const CANARY_DEADLINE_MS = 30_000;

const CANARY_OUTPUT = ["1.5 Task-2 a done 6", "1.5 Task-3 b done 6"];

/** Defines one test per case, on a pool created for the file, with the given limits. */
export function hostileSuite(cases: readonly HostileCase[], limits: Partial<SandboxLimits> = {}): void {
  let sandbox: NodeSandbox;
  beforeAll(() => {
    sandbox = createNodeSandbox({ threads: 1, graceMs: 1_000 });
  });
  afterAll(async () => {
    await sandbox.dispose();
  });
  for (const c of cases) {
    it(`${c.name}: ends ${c.status} (${c.type}) and leaves the host healthy`, async () => {
      const result = await sandbox.run(c.source, { limits });
      expect(result.status, JSON.stringify(result.error)).toBe(c.status);
      expect(result.error?.type).toBe(c.type);
      if (c.message !== undefined) expect(result.error?.message).toMatch(c.message);
      // The canary proves health, not speed: a busy machine must not make it time out.
      const canary = await sandbox.run(CANARY, { limits: { ...limits, deadlineMs: CANARY_DEADLINE_MS } });
      expect(canary.status).toBe("ok");
      expect(canary.output.map((l) => `${l.time} ${l.task} ${l.text}`)).toEqual(CANARY_OUTPUT);
    });
  }
}

/** The message of the wall-clock deadline, for a limit of `ms`. */
export const DEADLINE =
  /ran for more than [\d.]+ s of real time and was stopped\. Look for a loop that never ends/;
