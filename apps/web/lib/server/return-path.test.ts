import { describe, expect, it } from "vitest";
import { returnPath } from "./return-path";

describe("returnPath", () => {
  it("keeps paths on this site", () => {
    expect(returnPath("/dashboard")).toBe("/dashboard");
    expect(returnPath("/teach/abc/students/x?tab=1#top")).toBe("/teach/abc/students/x?tab=1#top");
  });
  it("sends everything else home: other sites however spelled, arrays, oversized", () => {
    for (const next of [
      undefined,
      "",
      "dashboard",
      "https://evil.example/",
      "//evil.example",
      "/\\evil.example",
      "/\t/evil.example",
      "/\n/evil.example",
      "\\\\evil.example",
      "javascript:alert(1)",
      ["/dashboard", "//evil.example"],
      `/${"x".repeat(5000)}`,
    ]) {
      expect(returnPath(next), String(next)).toBe("/");
    }
  });
});
