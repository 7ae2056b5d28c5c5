/**
 * One load scenario end to end: a production server on a fresh database (the Submit limit raised
 * so that a few dozen students can keep the pool busy), students signed up, a warm-up, the
 * measured run, then rounds of soak, with the server's memory read before, during and after.
 */
import { loadavg } from "node:os";
import { type LoadReport, runLoad } from "./load";
import { coursePrograms } from "./programs";
import { loadServer } from "./server";
import { signUpStudents } from "./students";

export interface ScenarioOptions {
  students: number;
  concurrency: number;
  durationMs: number;
  maxSubmits: number;
  warmUpMs: number;
  /** Extra rounds after the measured run, each `soakMs` long, memory read after each. */
  soakRounds: number;
  soakMs: number;
  /** How long the server idles before memory is read after a round. */
  settleMs: number;
  log?: (line: string) => void;
  /** Write CPU profiles of the server (every thread) into this folder. */
  cpuProfileDir?: string;
}

export interface MemoryFigures {
  /** Resident memory after the warm-up, before the measured run (MB). */
  beforeMb: number;
  /** Highest resident memory sampled during the measured run (MB). */
  peakMb: number;
  /** After the measured run and a pause (MB). */
  afterMb: number;
  /** After each soak round and a pause (MB). */
  soakMb: number[];
  /**
   * What is alive on the server thread's V8 heap after a full collection (the server runs with
   * --expose-gc for this), then the workers' WebAssembly and V8 heaps at their last reply: after the
   * warm-up, after the measured run and after each soak round, each after a pause (MB). A leak
   * grows these round after round; the RSS also carries what the allocator keeps for reuse.
   */
  liveHeapMb: number[];
}

/** CPU the server used over the measured run: what grading costs whatever else the machine runs. */
export interface CpuFigures {
  /** The server's processes, every thread (the grading workers included), seconds. */
  totalS: number;
  /** The server's main thread alone, seconds. */
  mainThreadS: number;
  /** Gradings per second of the server's CPU time: the throughput one core would give. */
  gradingsPerCpuS: number;
  /** The main thread's CPU per grading (ms): pages, Submit handling, the database, the grader. */
  mainThreadMsPerGrading: number;
  /**
   * The main thread's CPU per request answered (ms): Submits (graded and refused), pages and
   * health polls alike. Steadier than per grading when the mix of requests changes (e.g. fewer
   * refusals, or faster pages that the reader then requests more often).
   */
  mainThreadMsPerRequest: number;
  /** The machine's load average (1 min) when the measured run started and ended. */
  loadAverage: [number, number];
}

export interface ScenarioResult {
  report: LoadReport;
  cpu: CpuFigures;
  soak: LoadReport[];
  memory: MemoryFigures;
  serverErrors: string[];
}

const MB = 1024 * 1024;
/** The pages the load's reader requests in turn (and request-cost.ts prices). */
export const PAGES = [
  "/",
  "/learn/12-asyncio",
  "/learn/12-asyncio/three-clients",
  "/learn/08-race-conditions/lost-update",
];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const round = (x: number) => Math.round(x * 100) / 100;

/** The heaps a leak would grow, live (after a collection on the server thread), in MB. */
async function liveHeapMb(url: string): Promise<number> {
  const health = (await (await fetch(`${url}/api/health?live=1`)).json()) as {
    grading: { pool: { wasmHeapBytes: number; v8HeapBytes: number } };
    server: { heapUsedBytes: number; collected: boolean };
  };
  if (!health.server.collected) throw new Error("the load server was not started with --expose-gc");
  const { wasmHeapBytes, v8HeapBytes } = health.grading.pool;
  return Math.round((health.server.heapUsedBytes + wasmHeapBytes + v8HeapBytes) / MB);
}

/** Runs the scenario against the existing production build (call ensureBuild first). */
export async function runScenario(options: ScenarioOptions): Promise<ScenarioResult> {
  const log = options.log ?? (() => {});
  const nodeArgs = [
    "--expose-gc",
    ...(options.cpuProfileDir ? ["--cpu-prof", `--cpu-prof-dir=${options.cpuProfileDir}`] : []),
  ];
  const server = await loadServer({ SUBMIT_LIMIT_PER_MINUTE: "1000000" }, nodeArgs);
  await server.start();
  try {
    const programs = coursePrograms();
    log(`server ${server.url}; signing up ${options.students} students`);
    const cookies = await signUpStudents(server.url, options.students);
    const base = { url: server.url, cookies, programs, concurrency: options.concurrency, pages: PAGES };
    log(`warm-up ${options.warmUpMs / 1000} s`);
    await runLoad({ ...base, durationMs: options.warmUpMs, maxSubmits: options.maxSubmits, seed: 7 });
    await sleep(options.settleMs);
    const live = [await liveHeapMb(server.url)];
    const before = server.rss();
    const cpuBefore = server.cpu();
    const loadBefore = loadavg()[0]!;
    let peak = before;
    const sampler = setInterval(() => {
      peak = Math.max(peak, server.rss());
    }, 250);
    log(`measured run ${options.durationMs / 1000} s, ${options.concurrency} students at once`);
    let report: LoadReport;
    try {
      report = await runLoad({
        ...base,
        durationMs: options.durationMs,
        maxSubmits: options.maxSubmits,
        seed: 1,
      });
    } finally {
      clearInterval(sampler);
    }
    const cpuAfter = server.cpu();
    const { graded } = report;
    const totalS = cpuAfter.totalS - cpuBefore.totalS;
    const mainThreadS = cpuAfter.mainThreadS - cpuBefore.mainThreadS;
    const cpu: CpuFigures = {
      totalS: round(totalS),
      mainThreadS: round(mainThreadS),
      gradingsPerCpuS: round(graded / Math.max(totalS, 0.01)),
      mainThreadMsPerGrading: round((1000 * mainThreadS) / Math.max(graded, 1)),
      mainThreadMsPerRequest: round(
        (1000 * mainThreadS) / Math.max(report.submits + report.pages + report.healthPolls, 1),
      ),
      loadAverage: [round(loadBefore), round(loadavg()[0]!)],
    };
    await sleep(options.settleMs);
    live.push(await liveHeapMb(server.url));
    const after = server.rss();
    const soak: LoadReport[] = [];
    const soakMb: number[] = [];
    for (let round = 0; round < options.soakRounds; round++) {
      log(`soak round ${round + 1} of ${options.soakRounds}`);
      soak.push(
        await runLoad({
          ...base,
          durationMs: options.soakMs,
          maxSubmits: options.maxSubmits,
          seed: 100 + round,
        }),
      );
      await sleep(options.settleMs);
      live.push(await liveHeapMb(server.url));
      soakMb.push(Math.round(server.rss() / MB));
    }
    const serverErrors = server
      .output()
      .split("\n")
      .filter((line) => /⨯|Error:|unhandled/i.test(line));
    return {
      report,
      cpu,
      soak,
      memory: {
        beforeMb: Math.round(before / MB),
        peakMb: Math.round(peak / MB),
        afterMb: Math.round(after / MB),
        soakMb,
        liveHeapMb: live,
      },
      serverErrors,
    };
  } finally {
    await server.stop();
  }
}
