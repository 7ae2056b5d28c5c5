import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RateLimitedError } from "./errors";
import { consumeRateLimit } from "./rate-limit";
import { backends, type TestDatabase } from "./test-support";

describe.each(backends())("rate limits on $name", (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await backend.create();
  });
  afterAll(() => t?.drop());

  it("allows max requests per window, then says when to retry, then resets", async () => {
    const rule = { windowMs: 60_000, max: 3 };
    const start = 1_000_000;
    for (let i = 0; i < 3; i++) await consumeRateLimit(t.db, "submit:alice", rule, start + i);
    const error = await consumeRateLimit(t.db, "submit:alice", rule, start + 10_000).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).retryAfterMs).toBe(50_000);
    await consumeRateLimit(t.db, "submit:bob", rule, start + 10_000); // other keys are separate
    await consumeRateLimit(t.db, "submit:alice", rule, start + 60_000); // a new window
  });

  it("never lets concurrent requests exceed the allowance", async () => {
    const rule = { windowMs: 60_000, max: 5 };
    const outcomes = await Promise.allSettled(
      Array.from({ length: 12 }, () => consumeRateLimit(t.db, "submit:carol", rule, 2_000_000)),
    );
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(5);
  });
});
