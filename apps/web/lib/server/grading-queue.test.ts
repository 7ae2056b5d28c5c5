/**
 * The bounded grading queue: past the limit of gradings in flight, Submit is refused at once
 * (503 with Retry-After on POST /api/submit, a sentence with the retry time from the server
 * action), nothing is graded or recorded for the refused one, and once the queue drains Submit
 * grades again. The pool is replaced by a fake whose gradings finish when the test says so.
 */
import { afterAll, describe, expect, it, vi } from "vitest";
import { ANON, as, BASE, navigationMock, requestHeaders, world } from "./test-world";

vi.mock("next/headers", () => ({ headers: async () => requestHeaders() }));
vi.mock("next/navigation", () => navigationMock);

type Release = () => void;
const pending: Release[] = [];
vi.mock("@interleave/grader", async (original) => {
  const real = await original<typeof import("@interleave/grader")>();
  return {
    ...real,
    // Each grading waits until the test releases it, then passes.
    gradeWithDefinition: async (_definition: unknown, exerciseId: string) => {
      await new Promise<void>((release) => pending.push(release));
      return {
        status: "pass",
        tests: [{ name: "works", status: "pass" }],
        interleave: { tests: [{}] },
        exerciseId,
      };
    },
  };
});
vi.mock("@interleave/sandbox/node", async (original) => {
  const real = await original<typeof import("@interleave/sandbox/node")>();
  return {
    emptyPoolStats: real.emptyPoolStats,
    findWorkerFile: () => "unused",
    createNodeSandbox: () => ({ run: async () => ({}), threads: 1, stats: real.emptyPoolStats() }),
  };
});

const w = await world();
const { people, db, database } = w;
const { gradingStatus, setGradingLimit } = await import("@/lib/grading");
const { submitSolution } = await import("../../app/(learn)/learn/[module]/[exercise]/actions");
const route = await import("../../app/api/submit/route");

const EXERCISE = "12-asyncio/three-clients";

afterAll(async () => {
  await db.closeSharedDatabases();
});

function post(who: Headers, body: unknown): Promise<Response> {
  const headers = new Headers(who);
  headers.set("content-type", "application/json");
  as(who);
  return route.POST(
    new Request(`${BASE}/api/submit`, { method: "POST", headers, body: JSON.stringify(body) }),
  );
}

async function until(condition: () => Promise<boolean> | boolean): Promise<void> {
  for (let i = 0; i < 500 && !(await condition()); i++) await new Promise((r) => setTimeout(r, 10));
}

describe("the bounded grading queue", () => {
  it("refuses a Submit past the limit with 503 and Retry-After, grades again once it drains", async () => {
    setGradingLimit(2);
    const first = post(ANON, { exerciseId: EXERCISE, code: "print(1)" });
    const second = post(people.student, { exerciseId: EXERCISE, code: "second" });
    await until(async () => (await gradingStatus()).inFlight === 2 && pending.length === 2);
    expect(await gradingStatus()).toMatchObject({ inFlight: 2, limit: 2 });

    const refused = await post(people.otherStudent, { exerciseId: EXERCISE, code: "refused" });
    expect(refused.status).toBe(503);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    const body = await refused.json();
    expect(body).toMatchObject({ ok: false, error: expect.stringMatching(/Submit again in \d+ s/) });

    // The server action says the same, with the time in its result.
    as(people.otherStudent);
    const action = await submitSolution({ exerciseId: EXERCISE, code: "refused too" });
    expect(action).toMatchObject({
      ok: false,
      retryAfterMs: expect.any(Number),
      error: expect.stringMatching(
        /Many submissions are being graded.*Submit again in \d+ s.*not graded or recorded/,
      ),
    });
    expect((await gradingStatus()).refused).toBe(2);

    for (const release of pending.splice(0)) release();
    expect((await first).status).toBe(200);
    const graded = await second;
    expect(graded.status).toBe(200);
    expect(await graded.json()).toMatchObject({ ok: true, recorded: "recorded" });
    expect((await gradingStatus()).inFlight).toBe(0);

    // Nothing of the refused Submits was kept; the next one is graded and recorded.
    const other = await w.actorOf(people.otherStudent);
    expect(await db.listSubmissions(database, other!, EXERCISE)).toEqual([]);
    const next = post(people.otherStudent, { exerciseId: EXERCISE, code: "after" });
    await until(() => pending.length === 1);
    pending.shift()?.();
    expect(await (await next).json()).toMatchObject({ ok: true, recorded: "recorded" });
  });

  it("admits by expected grading time too: a slow exercise queues less deep than a quick one", async () => {
    setGradingLimit(8);
    const SLOW = "10-deadlocks/dining-philosophers";
    const QUICK = "12-asyncio/kitchen-queue";
    const { budgetMs } = await gradingStatus();
    // Seen once taking more than half the budget: that is its cost from now on.
    const first = post(ANON, { exerciseId: SLOW, code: "slow" });
    await until(() => pending.length === 1);
    await new Promise((r) => setTimeout(r, budgetMs / 2 + 300));
    pending.shift()?.();
    expect((await first).status).toBe(200);

    const one = post(ANON, { exerciseId: SLOW, code: "slow again" });
    await until(() => pending.length === 1);
    // A second one would exceed the budget, though the count allows 8.
    const refused = await post(ANON, { exerciseId: SLOW, code: "one slow too many" });
    expect(refused.status).toBe(503);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    // A quick exercise still fits beside it.
    const quick = post(ANON, { exerciseId: QUICK, code: "quick" });
    await until(() => pending.length === 2);
    const status = await gradingStatus();
    expect(status.inFlight).toBe(2);
    expect(status.workMs).toBeLessThanOrEqual(budgetMs);
    for (const release of pending.splice(0)) release();
    expect((await one).status).toBe(200);
    expect((await quick).status).toBe(200);
  });
});
