import { describe, expect, it } from "vitest";
import { authFailureMessage } from "./auth-messages";

describe("authFailureMessage", () => {
  it("explains a wrong password without saying which half was wrong", () => {
    expect(authFailureMessage(401, { code: "INVALID_EMAIL_OR_PASSWORD" })).toMatch(/do not match/);
  });
  it("sends someone with a taken email to sign in", () => {
    expect(authFailureMessage(422, { code: "USER_ALREADY_EXISTS" })).toMatch(/Sign in instead/);
  });
  it("names the minimum length of a weak password", () => {
    expect(authFailureMessage(400, { code: "PASSWORD_TOO_SHORT" })).toMatch(/at least 8/);
  });
  it("says how long to wait when rate limited", () => {
    expect(authFailureMessage(429, {}, 42)).toMatch(/Wait 42 seconds/);
    expect(authFailureMessage(429, null)).toMatch(/Wait a minute/);
  });
  it("falls back to the server's message, or a generic one", () => {
    expect(authFailureMessage(400, { message: "Odd input" })).toBe("Odd input");
    expect(authFailureMessage(503, { message: "stack trace" })).toMatch(/could not complete/);
  });
});
