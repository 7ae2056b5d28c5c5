import {
  ConflictError,
  ForbiddenError,
  InvalidError,
  NotFoundError,
  RateLimitedError,
  UnauthenticatedError,
} from "@interleave/db";
import { describe, expect, it } from "vitest";
import { statusOf } from "./guard";

describe("statusOf", () => {
  it("maps each refusal of the data layer to its HTTP status", () => {
    expect(statusOf(new InvalidError("bad"))).toBe(400);
    expect(statusOf(new UnauthenticatedError())).toBe(401);
    expect(statusOf(new ForbiddenError())).toBe(403);
    expect(statusOf(new NotFoundError("gone"))).toBe(404);
    expect(statusOf(new ConflictError("taken"))).toBe(409);
  });
  it("treats anything unexpected as a server error", () => {
    expect(statusOf(new Error("boom"))).toBe(500);
  });
  it("knows rate limiting", () => {
    expect(statusOf(Object.create(RateLimitedError.prototype))).toBe(429);
  });
});
