// GET /api/health: whether the server is up and what its grading pool is doing (gradings in flight
// and the limit, workers alive, runs killed or crashed) and the server thread's own heap, for a
// load balancer's health check, the load test and the fault tests. Nothing about any person.
//
// GET /api/health?live=1 on a server started with `node --expose-gc` (the load run does this)
// collects garbage first, so that the heap figure is what is alive: the load run's leak check.
// Without the flag there is nothing to call and the figure is the same as without `live`.
import { gradingStatus } from "@/lib/grading";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const grading = await gradingStatus();
  const live = new URL(request.url).searchParams.get("live") === "1";
  const collect = (globalThis as { gc?: () => void }).gc;
  const collected = live && typeof collect === "function";
  if (collected) collect();
  // The main thread's V8 heap (the workers' heaps are in grading.pool): where a growing RSS lives.
  const { heapUsed, external } = process.memoryUsage();
  const server = { heapUsedBytes: heapUsed, externalBytes: external, collected };
  // Not compressed (no-transform): a few hundred bytes, polled every few seconds by balancers.
  return Response.json(
    { ok: true, grading, server },
    { headers: { "cache-control": "no-store, no-transform" } },
  );
}
