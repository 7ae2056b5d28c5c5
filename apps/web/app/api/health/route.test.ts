import { describe, expect, it } from "vitest";
import { GET } from "./route";

describe("GET /api/health", () => {
  it("reports the grading pool and the server thread's own heap, uncached", async () => {
    const response = await GET(new Request("http://localhost/api/health"));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store, no-transform");
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

  it("collects garbage before reading the heap when asked for the live size and node exposes gc", async () => {
    const host = globalThis as { gc?: () => void };
    const saved = host.gc;
    let collections = 0;
    host.gc = () => collections++;
    try {
      const plain = (await (await GET(new Request("http://localhost/api/health"))).json()) as {
        server: { collected: boolean };
      };
      expect(plain.server.collected).toBe(false);
      expect(collections).toBe(0);
      const live = (await (await GET(new Request("http://localhost/api/health?live=1"))).json()) as {
        server: { collected: boolean; heapUsedBytes: number };
      };
      expect(live.server.collected).toBe(true);
      expect(collections).toBe(1);
      expect(live.server.heapUsedBytes).toBeGreaterThan(0);
      // Without --expose-gc there is nothing to call: the answer says the heap was not collected.
      host.gc = undefined;
      const unexposed = (await (await GET(new Request("http://localhost/api/health?live=1"))).json()) as {
        server: { collected: boolean };
      };
      expect(unexposed.server.collected).toBe(false);
    } finally {
      host.gc = saved;
    }
  });
});
