/** Starts the production build of the app on a free loopback port, for tests and the bench. */
import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { webRoot } from "./build";

const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");

export interface AppServer extends AsyncDisposable {
  /** e.g. "http://127.0.0.1:41234" */
  url: string;
  close(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

async function waitUntilUp(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited early:\n${log()}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`next start did not answer within 30 s:\n${log()}`);
}

/**
 * The server's environment: this process's, without what vitest adds for its own code (Vite's
 * BASE_URL "/", MODE, NODE_ENV "test" ...), which the app would otherwise read as its settings.
 */
function serverEnv(): NodeJS.ProcessEnv {
  const kept = Object.entries(process.env).filter(
    ([key]) => !/^(BASE_URL|MODE|DEV|PROD|SSR|TEST|NODE_ENV|VITEST.*|__VITEST.*)$/.test(key),
  );
  return { ...Object.fromEntries(kept), NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" };
}

/** Serves the existing production build (see ensureBuild) on 127.0.0.1 and a free port. */
export async function startServer(): Promise<AppServer> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [nextBin, "start", "--hostname", "127.0.0.1", "--port", String(port)],
    {
      cwd: webRoot,
      stdio: ["ignore", "pipe", "pipe"],
      env: serverEnv(),
    },
  );
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  const close = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    await exited;
  };
  try {
    await waitUntilUp(url, child, () => output);
  } catch (error) {
    await close();
    throw error;
  }
  return { url, close, [Symbol.asyncDispose]: close };
}
