import { describe, expect, it } from "vitest";
import { GET } from "./route";

describe("GET /api/health", () => {
  it("reports the grading pool and the server thread's own heap, uncached", async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = (await response.json()) as {
      ok: boolean;
      grading: { inFlight: number; limit: number };
      server: { heapUsedBytes: number; externalBytes: number };
    };
    expect(body.ok).toBe(true);
    expect(body.grading.inFlight).toBe(0);
    expect(body.grading.limit).toBeGreaterThan(0);
    expect(body.server.heapUsedBytes).toBeGreaterThan(0);
    expect(body.server.externalBytes).toBeGreaterThanOrEqual(0);
  });
});
