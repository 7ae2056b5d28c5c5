// GET /api/health: whether the server is up and what its grading pool is doing (gradings in flight
// and the limit, workers alive, runs killed or crashed), for a load balancer's health check, the
// load test and the fault tests. Nothing about any person.
import { gradingStatus } from "@/lib/grading";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const grading = await gradingStatus();
  return Response.json({ ok: true, grading }, { headers: { "cache-control": "no-store" } });
}
