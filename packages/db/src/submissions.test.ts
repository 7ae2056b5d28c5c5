import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prismaOf } from "./database";
import { InvalidError, UnauthenticatedError } from "./errors";
import { listSubmissions, progressByUser, recordSubmission } from "./submissions";
import { backends, makeUser, result, type TestDatabase } from "./test-support";
import { limits } from "./validation";

describe.each(backends())("submissions on $name", (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await backend.create();
  });
  afterAll(() => t?.drop());

  const submit = (
    actor: Parameters<typeof recordSubmission>[1],
    exerciseId: string,
    tests: Record<string, "pass" | "fail" | "error">,
  ) => recordSubmission(t.db, actor, { exerciseId, code: "print(1)", result: result(tests), gradingMs: 12 });

  it("records a submission and starts the exercise's progress", async () => {
    const alice = await makeUser(t.db);
    const { submission, progress } = await submit(alice, "01-intro/hello", { a: "pass", b: "fail" });
    expect(submission).toMatchObject({
      exerciseId: "01-intro/hello",
      status: "fail",
      score: 0.5,
      gradingMs: 12,
    });
    expect(submission.result.tests.map((x) => x.name)).toEqual(["a", "b"]);
    expect(progress).toMatchObject({ status: "fail", attempts: 1, bestScore: 0.5, firstPassedAt: null });
  });

  it("counts attempts, keeps the best score, and stays passed once passed", async () => {
    const bob = await makeUser(t.db);
    await submit(bob, "01-intro/hello", { a: "fail", b: "fail" });
    const passed = await submit(bob, "01-intro/hello", { a: "pass", b: "pass" });
    expect(passed.progress.firstPassedAt).toBeInstanceOf(Date);
    const later = await submit(bob, "01-intro/hello", { a: "pass", b: "error" });
    expect(later.submission.status).toBe("error");
    expect(later.progress).toMatchObject({ status: "pass", attempts: 3, bestScore: 1 });
    expect(later.progress.firstPassedAt).toEqual(passed.progress.firstPassedAt);
  });

  it("takes the latest status until the first pass", async () => {
    const carol = await makeUser(t.db);
    await submit(carol, "02-threads/race", { a: "fail" });
    const { progress } = await submit(carol, "02-threads/race", { a: "error" });
    expect(progress).toMatchObject({ status: "error", attempts: 2, bestScore: 0 });
  });

  it("keeps every submission of concurrent submits and counts them all", async () => {
    const dan = await makeUser(t.db);
    await Promise.all(
      Array.from({ length: 8 }, (_, i) => submit(dan, "03-asyncio/gather", { a: i === 5 ? "pass" : "fail" })),
    );
    const [progress] = await progressByUser(t.db, dan);
    expect(progress).toMatchObject({
      exerciseId: "03-asyncio/gather",
      attempts: 8,
      status: "pass",
      bestScore: 1,
    });
    expect(await listSubmissions(t.db, dan, "03-asyncio/gather")).toHaveLength(8);
  });

  it("lists only the acting user's own submissions, newest first", async () => {
    const erin = await makeUser(t.db);
    const frank = await makeUser(t.db);
    await submit(erin, "01-intro/hello", { a: "fail" });
    // Timestamps have millisecond resolution; a real grading takes longer than that, so two
    // submissions by one student never share one. Make sure they do not here either.
    await new Promise((resolve) => setTimeout(resolve, 5));
    await submit(erin, "01-intro/hello", { a: "pass" });
    await submit(frank, "01-intro/hello", { a: "fail" });
    const mine = await listSubmissions(t.db, erin, "01-intro/hello");
    expect(mine.map((s) => s.status)).toEqual(["pass", "fail"]);
    expect(mine.every((s) => s.userId === erin.id)).toBe(true);
    expect((await listSubmissions(t.db, frank, "01-intro/hello")).map((s) => s.userId)).toEqual([frank.id]);
    expect((await progressByUser(t.db, frank)).map((p) => p.status)).toEqual(["fail"]);
  });

  it("refuses anonymous callers", async () => {
    await expect(submit(null, "01-intro/hello", { a: "pass" })).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(listSubmissions(t.db, null, "01-intro/hello")).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(progressByUser(t.db, undefined)).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it("refuses a deleted account's session", async () => {
    await expect(
      submit({ id: "no-such-user", role: "student" }, "01-intro/hello", { a: "pass" }),
    ).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it("refuses malformed and oversized input and changes nothing", async () => {
    const gina = await makeUser(t.db);
    const good = { exerciseId: "01-intro/hello", code: "x", result: result({ a: "pass" }), gradingMs: 5 };
    const bad: unknown[] = [
      { ...good, exerciseId: "../../etc/passwd" },
      { ...good, exerciseId: "no-slash" },
      { ...good, code: "x".repeat(limits.codeChars + 1) },
      { ...good, result: { ...good.result, version: 2 } },
      { ...good, result: { ...good.result, status: "passed" } },
      { ...good, result: { ...good.result, tests: [{ name: "a", status: "ok" }] } },
      { ...good, result: { ...good.result, message: "m".repeat(limits.resultChars) } },
      { ...good, gradingMs: -1 },
      { ...good, score: 1.5 },
      { ...good, code: 42 },
      null,
    ];
    for (const input of bad) {
      await expect(recordSubmission(t.db, gina, input as never)).rejects.toBeInstanceOf(InvalidError);
    }
    const prisma = prismaOf(t.db);
    expect(await prisma.submission.count({ where: { userId: gina.id } })).toBe(0);
    expect(await prisma.progress.count({ where: { userId: gina.id } })).toBe(0);
  });

  it("says which field is wrong", async () => {
    const hal = await makeUser(t.db);
    const error = await recordSubmission(t.db, hal, {
      exerciseId: "bad",
      code: "",
      result: result({ a: "pass" }),
      gradingMs: 1,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidError);
    expect((error as InvalidError).issues).toHaveProperty("exerciseId");
    expect((error as InvalidError).message).toMatch(/exerciseId/);
  });
});
