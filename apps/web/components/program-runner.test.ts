import { describe, expect, it } from "vitest";
import { isCancelled } from "./program-runner";

describe("isCancelled", () => {
  it("recognises the sandbox's cancellation by name, whatever realm the error comes from", () => {
    const cancelled = new Error("the run was cancelled");
    cancelled.name = "RunCancelledError";
    expect(isCancelled(cancelled)).toBe(true);
    expect(isCancelled(new Error("the sandbox worker failed"))).toBe(false);
    expect(isCancelled("RunCancelledError")).toBe(false);
  });
});
