import { RESULT_VERSION } from "@interleave/scheduler";
import { describe, expect, it } from "vitest";
import { checkResult, emptyResult, MalformedResultError } from "./result";

describe("checkResult", () => {
  const good = { ...emptyResult("ok", null, 1), output: [{ time: 1, task: "Task-1", text: "hi" }] };

  it("rebuilds a well-formed result", () => {
    expect(checkResult(JSON.parse(JSON.stringify(good)))).toEqual(good);
  });

  it("rejects a result whose fields have the wrong types", () => {
    expect(() => checkResult({ ...good, status: "passed" })).toThrow(MalformedResultError);
    expect(() => checkResult({ ...good, output: [{ time: "1", task: null, text: "x" }] })).toThrow(
      /output.time/,
    );
    expect(() => checkResult({ ...good, version: RESULT_VERSION + 1 })).toThrow(/version/);
  });

  it("caps long texts and drops nothing the readers rely on", () => {
    const long = { ...good, output: [{ time: 0, task: null, text: "x".repeat(200_000) }] };
    const checked = checkResult(long);
    expect(checked.output[0]!.text.length).toBeLessThan(100_010);
  });
});
