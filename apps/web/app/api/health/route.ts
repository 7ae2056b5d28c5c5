// GET /api/health: whether the server is up and what its grading pool is doing (gradings in flight
// and the limit, workers alive, runs killed or crashed) and the server thread's own heap, for a
// load balancer's health check, the load test and the fault tests. Nothing about any person.
import { gradingStatus } from "@/lib/grading";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const grading = await gradingStatus();
  // The main thread's V8 heap (the workers' heaps are in grading.pool): where a growing RSS lives.
  const { heapUsed, external } = process.memoryUsage();
  const server = { heapUsedBytes: heapUsed, externalBytes: external };
  return Response.json({ ok: true, grading, server }, { headers: { "cache-control": "no-store" } });
}
