/**
 * A production server for the accounts tests: its own SQLite file and auth secret (so restarts
 * keep sessions and progress), and BASE_URL set to the loopback origin it serves.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { webRoot } from "./build";

const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");

export interface AccountsServer {
  url: string;
  databaseUrl: string;
  /** Stops the server; `start()` again serves the same database on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
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

/** A server on a fresh database; call `start()` to serve. */
export async function accountsServer(): Promise<AccountsServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const databaseUrl = `file:${join(mkdtempSync(join(tmpdir(), "interleave-accounts-")), "e2e.db")}`;
  const env = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: randomBytes(32).toString("base64"),
    BASE_URL: url,
  };
  let child: ChildProcess | null = null;
  let output = "";
  return {
    url,
    databaseUrl,
    async start() {
      output = "";
      const started = spawn(
        process.execPath,
        [nextBin, "start", "--hostname", "127.0.0.1", "--port", String(port)],
        {
          cwd: webRoot,
          stdio: ["ignore", "pipe", "pipe"],
          env,
        },
      );
      child = started;
      started.stdout?.on("data", (chunk) => (output += chunk));
      started.stderr?.on("data", (chunk) => (output += chunk));
      const deadline = Date.now() + 30_000;
      while (Date.now() < deadline) {
        if (started.exitCode !== null) throw new Error(`next start exited:\n${output}`);
        try {
          if ((await fetch(`${url}/sign-in`)).ok) return;
        } catch {
          // Not listening yet.
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`next start did not answer within 30 s:\n${output}`);
    },
    async stop() {
      const running = child;
      child = null;
      if (!running || running.exitCode !== null) return;
      const exited = new Promise((r) => running.once("exit", r));
      running.kill("SIGTERM");
      await exited;
    },
  };
}
