/**
 * The load run: signed-in students submit the course's exercises through POST /api/submit in a
 * closed loop (each waits for its answer, and after a 503 or 429 waits as long as the server says),
 * while a reader requests pages one after another and a monitor polls /api/health. Bounded by a
 * duration and a count of submissions. Reports gradings per second, latency percentiles, every
 * status, page latency while the grading queue was full, and the server's memory.
 */
import { type Program, type ProgramKind, pick, random } from "./programs";

export interface LoadOptions {
  url: string;
  /** Session cookies of the students; submitter i uses cookie i mod length. */
  cookies: string[];
  programs: Record<ProgramKind, Program[]>;
  /** Students submitting at once (each waits for its answer before the next). */
  concurrency: number;
  durationMs: number;
  /** At most this many submissions in all. */
  maxSubmits: number;
  /** Pages the reader requests in turn. */
  pages: string[];
  seed?: number;
}

export interface LoadReport {
  durationS: number;
  submits: number;
  /** Submissions graded (200 with results). */
  graded: number;
  /** Submissions graded (200 with results) per second of the run. */
  gradingsPerS: number;
  /** Submit latency of graded submissions, ms. */
  submitMs: { p50: number; p90: number; p99: number; max: number };
  /** Latency of every Submit answer (refusals included), ms. */
  answerMs: { p50: number; p99: number };
  statuses: Record<string, number>;
  /** 5xx answers other than the deliberate 503s (busy, database unreachable). */
  unexpected5xx: number;
  /** Network errors (no answer). */
  failures: number;
  /** Grading results by status (pass/fail/error) and by program kind. */
  results: Record<string, number>;
  /** Reference solutions that did not pass: exercise and the first failing check's message, with counts. */
  solutionsNotPassing: Record<string, number>;
  pages: number;
  /** Page latency over the run, and over the requests made while the grading queue was full, ms. */
  pageMs: { p50: number; p99: number; max: number };
  pageSaturatedMs: { p50: number; p99: number; max: number; samples: number };
  pageErrors: number;
  /** Health polls answered (GET /api/health, every 250 ms). */
  healthPolls: number;
  /** Share of health samples (every 250 ms) in which the server had refused a Submit as busy. */
  saturated: number;
  /** The pool's counts at the end (runs, killed, crashed, recycled) and refusals. */
  pool: Record<string, number>;
  /** The server thread's V8 heap at the end: used and external (bytes). */
  server: { heapUsedBytes: number; externalBytes: number };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! * 10) / 10;
}

function summary(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: percentile(sorted, 100),
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Health {
  grading: {
    inFlight: number;
    limit: number;
    threads: number;
    refused: number;
    pool: Record<string, number>;
  };
  server?: { heapUsedBytes: number; externalBytes: number };
}

async function health(url: string): Promise<Health | null> {
  try {
    return (await (await fetch(`${url}/api/health`)).json()) as Health;
  } catch {
    return null;
  }
}

/** Runs the load and returns its figures. */
export async function runLoad(options: LoadOptions): Promise<LoadReport> {
  const { url, cookies, programs, concurrency, durationMs, maxSubmits, pages } = options;
  const next = random(options.seed ?? 1);
  const started = performance.now();
  const end = started + durationMs;
  let issued = 0;
  let saturatedNow = false;
  const gradedMs: number[] = [];
  const answerMs: number[] = [];
  const statuses: Record<string, number> = {};
  const results: Record<string, number> = {};
  const solutionsNotPassing: Record<string, number> = {};
  let failures = 0;
  let unexpected5xx = 0;

  async function student(index: number): Promise<void> {
    const cookie = cookies[index % cookies.length] ?? "";
    while (performance.now() < end && issued < maxSubmits) {
      issued++;
      const program = pick(programs, next);
      const t0 = performance.now();
      let status = 0;
      let body: {
        ok?: boolean;
        retryAfterMs?: number;
        error?: string;
        results?: { status: string; message?: string | null; tests?: { status: string; message?: string }[] };
      } = {};
      try {
        const response = await fetch(`${url}/api/submit`, {
          method: "POST",
          headers: { "content-type": "application/json", cookie },
          body: JSON.stringify({ exerciseId: program.exerciseId, code: program.code }),
        });
        status = response.status;
        body = (await response.json().catch(() => ({}))) as typeof body;
      } catch {
        failures++;
        await sleep(100);
        continue;
      }
      const ms = performance.now() - t0;
      answerMs.push(ms);
      statuses[status] = (statuses[status] ?? 0) + 1;
      const deliberate = status === 503 && /being graded|database/.test(body.error ?? "");
      if (status >= 500 && !deliberate && !(status === 503 && body.ok)) unexpected5xx++;
      if (status === 200 && body.results) {
        gradedMs.push(ms);
        const key = `${program.kind}:${body.results.status}`;
        results[key] = (results[key] ?? 0) + 1;
        if (program.kind === "solution" && body.results.status !== "pass") {
          const failing = body.results.tests?.find((t) => t.status !== "pass");
          const why = `${program.exerciseId}: ${(failing?.message ?? body.results.message ?? "").slice(0, 90)}`;
          solutionsNotPassing[why] = (solutionsNotPassing[why] ?? 0) + 1;
        }
      }
      if ((status === 503 || status === 429) && body.retryAfterMs) {
        // Wait as long as the server asks (a student told "Submit again in 1 s" waits at least
        // that), plus up to half again so refused students do not all return at once. Coming back
        // early only buys another refusal: this used to wait half to all of it, and refusals
        // outnumbered gradings 2-10 to 1.
        await sleep(Math.min(body.retryAfterMs, 5_000) * (1 + next() / 2));
      }
    }
  }

  const pageAll: number[] = [];
  const pageSaturated: number[] = [];
  let pageErrors = 0;
  async function reader(): Promise<void> {
    for (let i = 0; performance.now() < end && issued < maxSubmits; i++) {
      const path = pages[i % pages.length]!;
      const wasSaturated = saturatedNow;
      const t0 = performance.now();
      try {
        const response = await fetch(`${url}${path}`, { headers: { cookie: cookies[0] ?? "" } });
        await response.arrayBuffer();
        if (!response.ok) pageErrors++;
      } catch {
        pageErrors++;
      }
      const ms = performance.now() - t0;
      pageAll.push(ms);
      if (wasSaturated) pageSaturated.push(ms);
      await sleep(20);
    }
  }

  let samples = 0;
  let full = 0;
  let last: Health | null = null;
  async function monitor(): Promise<void> {
    while (performance.now() < end && issued < maxSubmits) {
      const h = await health(url);
      if (h) {
        // Saturated: the server refused Submits as busy since the last sample (the queue's count
        // or its work budget was full).
        const before: Health | null = last;
        saturatedNow = before !== null && h.grading.refused > before.grading.refused;
        last = h;
        samples++;
        if (saturatedNow) full++;
      }
      await sleep(250);
    }
  }

  await Promise.all([...Array.from({ length: concurrency }, (_, i) => student(i)), reader(), monitor()]);
  const durationS = (performance.now() - started) / 1000;
  // Wait for the gradings still in flight, so memory and pool counts are read after the run.
  for (let i = 0; i < 100; i++) {
    const h = await health(url);
    if (h) last = h;
    if (!h || h.grading.inFlight === 0) break;
    await sleep(100);
  }
  const finalHealth = last as Health | null;
  const graded = summary(gradedMs);
  const answered = summary(answerMs);
  const page = summary(pageAll);
  const pageSat = summary(pageSaturated);
  return {
    durationS: Math.round(durationS * 10) / 10,
    submits: answerMs.length,
    graded: gradedMs.length,
    gradingsPerS: Math.round((gradedMs.length / durationS) * 10) / 10,
    submitMs: graded,
    answerMs: { p50: answered.p50, p99: answered.p99 },
    statuses,
    unexpected5xx,
    failures,
    results,
    solutionsNotPassing,
    pages: pageAll.length,
    pageMs: { p50: page.p50, p99: page.p99, max: page.max },
    pageSaturatedMs: { p50: pageSat.p50, p99: pageSat.p99, max: pageSat.max, samples: pageSaturated.length },
    pageErrors,
    healthPolls: samples,
    saturated: samples > 0 ? Math.round((full / samples) * 100) / 100 : 0,
    pool: finalHealth ? { ...finalHealth.grading.pool, refused: finalHealth.grading.refused } : {},
    server: finalHealth?.server ?? { heapUsedBytes: 0, externalBytes: 0 },
  };
}
