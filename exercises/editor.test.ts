import { courseTypeProblems } from "@interleave/grader";
import { expect, it } from "vitest";

// A student sees the starter (and, once solved, the solution) in an editor that type-checks it
// against the runtime's declarations: neither may show a red squiggle the student did not cause.
it("every starter and reference solution type-checks in the editor", async () => {
  expect(await courseTypeProblems()).toEqual([]);
});
