/**
 * For tests: one QuickJSSandbox per test file, created before its tests and disposed after
 * them with a leak check (every runtime the runs created must be disposed with the sandbox).
 */
import { afterAll, beforeAll, expect } from "vitest";
import { QuickJSSandbox } from "./sandbox";

/** Registers the hooks; call the returned function inside tests to get the sandbox. */
export function useSandbox(): () => QuickJSSandbox {
  let sandbox: QuickJSSandbox | null = null;
  beforeAll(async () => {
    sandbox = await QuickJSSandbox.create({ whenIdle: () => {} });
  });
  afterAll(() => {
    const engine = sandbox?.engine;
    sandbox?.dispose();
    expect(engine?.liveRuntimes ?? 0).toBe(0);
  });
  return () => {
    if (sandbox === null) throw new Error("useSandbox(): the sandbox is made in beforeAll");
    return sandbox;
  };
}
