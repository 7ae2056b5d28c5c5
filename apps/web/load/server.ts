/**
 * The production build served for the load and fault runs: its own SQLite file and auth secret,
 * BASE_URL set to the loopback origin it serves, extra environment (e.g. a raised Submit limit),
 * and what those runs need of the process: its resident memory (the process and any children)
 * and a SIGKILL.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { webRoot } from "../e2e/build";

const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");

export interface LoadServer {
  url: string;
  databaseUrl: string;
  /** Starts serving (again, on the same port and database after stop or kill). */
  start(): Promise<void>;
  /** SIGTERM and wait. */
  stop(): Promise<void>;
  /** SIGKILL and wait: no shutdown hooks, as when the machine loses power. */
  kill(): Promise<void>;
  /** Resident memory of the server and its child processes, in bytes (Linux /proc). */
  rss(): number;
  /**
   * CPU time used so far, in seconds (Linux /proc): by the server and its child processes (every
   * thread: the grading workers included), and by the server's main thread alone (pages, Submit
   * handling, the database, the grader's own work between runs).
   */
  cpu(): { totalS: number; mainThreadS: number };
  /** What the server printed since it last started. */
  output(): string;
}

function freePort(): Promise<number> {
  return new Promise((done, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

/** The process and its descendants, from /proc. */
function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // The process ended while we looked.
    }
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i]!) ?? []));
  return tree;
}

function residentBytes(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    return Number(status.match(/^VmRSS:\s+(\d+) kB/m)?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
}

/** Clock ticks per second of /proc's CPU times (USER_HZ: 100 on Linux). */
const TICKS_PER_S = 100;

/** utime + stime of a /proc stat line, in seconds (the fields after the command's parenthesis). */
function cpuSecondsOf(statFile: string): number {
  try {
    const stat = readFileSync(statFile, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_S;
  } catch {
    return 0;
  }
}

/** A production server on a fresh database; call `start()` to serve. */
export async function loadServer(
  extraEnv: Record<string, string> = {},
  /** Flags for the server's Node process (e.g. --cpu-prof, which NODE_OPTIONS refuses). */
  nodeArgs: readonly string[] = [],
): Promise<LoadServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const databaseUrl = `file:${join(mkdtempSync(join(tmpdir(), "interleave-load-")), "load.db")}`;
  const env: NodeJS.ProcessEnv = {
    ...Object.fromEntries(
      Object.entries(process.env).filter(
        ([key]) => !/^(BASE_URL|MODE|DEV|PROD|SSR|TEST|VITEST.*|__VITEST.*)$/.test(key),
      ),
    ),
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: randomBytes(32).toString("base64"),
    BASE_URL: url,
    ...extraEnv,
  };
  let child: ChildProcess | null = null;
  let log = "";
  const ended = async (signal: NodeJS.Signals) => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise((r) => running.once("exit", r));
    running.kill(signal);
    await exited;
  };
  return {
    url,
    databaseUrl,
    async start() {
      log = "";
      const started = spawn(
        process.execPath,
        [...nodeArgs, nextBin, "start", "--hostname", "127.0.0.1", "--port", String(port)],
        {
          cwd: webRoot,
          stdio: ["ignore", "pipe", "pipe"],
          env,
        },
      );
      child = started;
      started.stdout?.on("data", (chunk) => (log += chunk));
      started.stderr?.on("data", (chunk) => (log += chunk));
      const deadline = Date.now() + 60_000;
      while (Date.now() < deadline) {
        if (started.exitCode !== null) throw new Error(`next start exited:\n${log}`);
        try {
          if ((await fetch(`${url}/api/health`)).ok) return;
        } catch {
          // Not listening yet.
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`next start did not answer within 60 s:\n${log}`);
    },
    stop: () => ended("SIGTERM"),
    kill: () => ended("SIGKILL"),
    rss() {
      if (!child?.pid) return 0;
      return processTree(child.pid).reduce((sum, pid) => sum + residentBytes(pid), 0);
    },
    cpu() {
      if (!child?.pid) return { totalS: 0, mainThreadS: 0 };
      const tree = processTree(child.pid);
      return {
        totalS: tree.reduce((sum, p) => sum + cpuSecondsOf(`/proc/${p}/stat`), 0),
        // `next start` may serve from a child process: the busiest main thread is the server's.
        mainThreadS: Math.max(...tree.map((p) => cpuSecondsOf(`/proc/${p}/task/${p}/stat`))),
      };
    },
    output: () => log,
  };
}
