/**
 * The browser half of the hostile suite, in a real browser: the worker and client are bundled
 * with esbuild, served from 127.0.0.1 (the .wasm file too), and driven in Debian's chromium
 * through playwright-core. Each hostile program must end non-passing, and a canary after it
 * must give its exact result; cancel() must stop a run that would never end.
 */
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { RunResult } from "@interleave/scheduler";
import { build } from "esbuild";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_VARIANT, VARIANT_PACKAGES } from "../engine";

const CHROMIUM = "/usr/bin/chromium";
const here = dirname(fileURLToPath(import.meta.url));
const wasmFile = fileURLToPath(import.meta.resolve(`${VARIANT_PACKAGES[DEFAULT_VARIANT]}/wasm`));

const PAGE_SCRIPT = `
import { createBrowserSandbox } from "./client";
const make = () => new Worker("/worker.js?wasm=/quickjs.wasm", { type: "module" });
window.sandbox = createBrowserSandbox({ createWorker: make, graceMs: 1000 });
window.pending = null;
window.ready = true;
`;

const CANARY = `import { asyncio, print } from "interleave";
async function tick(name: string) { await asyncio.sleep(1); print(name, "ticked"); }
async function main() { await asyncio.gather(tick("a"), tick("b")); }
asyncio.run(main());
`;

const HOSTILE: { name: string; source: string; status: RunResult["status"]; type: string }[] = [
  { name: "an infinite loop", source: "while (true) {}", status: "timeout", type: "DeadlineExceeded" },
  {
    name: "a loop that swallows the interrupt",
    source: "while (true) { try { while (true) {} } catch (e) {} }",
    status: "timeout",
    type: "DeadlineExceeded",
  },
  {
    name: "an endless microtask chain",
    source: "function again() { Promise.resolve().then(again); }\nagain();",
    status: "limit",
    type: "MicrotaskLimitExceeded",
  },
  {
    name: "a memory bomb",
    source: "const a: ArrayBuffer[] = [];\nwhile (true) a.push(new ArrayBuffer(1 << 20));",
    status: "limit",
    type: "MemoryLimitExceeded",
  },
  {
    name: "deep recursion",
    source: "function down(n: number): number { return down(n + 1) + 1; }\ndown(0);",
    status: "limit",
    type: "StackLimitExceeded",
  },
  {
    name: "a long built-in call",
    source: "Array(2 ** 32 - 1).join('ab');",
    status: "timeout",
    type: "DeadlineExceeded",
  },
  {
    name: "an output flood",
    source: "import { print } from 'interleave';\nwhile (true) print('spam');",
    status: "limit",
    type: "LimitExceeded",
  },
  { name: "reaching for fetch", source: "fetch('/');", status: "error", type: "ReferenceError" },
  {
    name: "poisoning a built-in",
    source: "Array.prototype.push = () => 0;",
    status: "error",
    type: "TypeError",
  },
];

let dir: string;
let server: Server;
let browser: Browser;
let page: Page;
const available = existsSync(CHROMIUM);

async function bundle(entry: { contents: string } | string, outfile: string): Promise<void> {
  await build({
    ...(typeof entry === "string"
      ? { entryPoints: [entry] }
      : { stdin: { ...entry, resolveDir: here, loader: "ts" } }),
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    outfile,
    logLevel: "silent",
  });
}

beforeAll(async () => {
  if (!available) return;
  dir = await mkdtemp(join(tmpdir(), "interleave-browser-"));
  await bundle(join(here, "worker.ts"), join(dir, "worker.js"));
  await bundle({ contents: PAGE_SCRIPT }, join(dir, "page.js"));
  await writeFile(join(dir, "index.html"), '<!doctype html><script type="module" src="/page.js"></script>');
  const types: Record<string, string> = {
    js: "text/javascript",
    html: "text/html",
    wasm: "application/wasm",
  };
  server = createServer(async (req, res) => {
    const path = new URL(req.url ?? "/", "http://127.0.0.1").pathname;
    const file = path === "/quickjs.wasm" ? wasmFile : join(dir, path === "/" ? "index.html" : path.slice(1));
    try {
      const body = await readFile(file);
      res.writeHead(200, {
        "content-type": types[file.split(".").pop() ?? ""] ?? "application/octet-stream",
      });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
  page = await browser.newPage();
  // Nothing may leave the machine: only this server answers.
  await page.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => route.abort());
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForFunction(() => (window as unknown as { ready?: boolean }).ready === true);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  if (dir) await rm(dir, { recursive: true, force: true });
});

function runInPage(source: string, limits: Record<string, number> = {}): Promise<RunResult> {
  return page.evaluate(
    ([src, lim]) =>
      (window as unknown as { sandbox: { run(s: string, o: object): Promise<RunResult> } }).sandbox.run(src, {
        limits: lim,
      }),
    [source, limits] as const,
  );
}

describe.skipIf(!available)("the browser host (chromium)", () => {
  it("runs a program in the worker with the same result shape", async () => {
    const result = await runInPage(CANARY);
    expect(result.status).toBe("ok");
    expect(result.output.map((l) => `${l.time} ${l.task} ${l.text}`)).toEqual([
      "1 Task-2 a ticked",
      "1 Task-3 b ticked",
    ]);
  });

  for (const c of HOSTILE) {
    it(`${c.name}: ends ${c.status} (${c.type}) and leaves the worker healthy`, async () => {
      const result = await runInPage(c.source, {
        deadlineMs: 1_000,
        memoryBytes: 32 * 1024 * 1024,
        maxOutputLines: 500,
      });
      expect(result.status, JSON.stringify(result.error)).toBe(c.status);
      expect(result.error?.type).toBe(c.type);
      const canary = await runInPage(CANARY);
      expect(canary.status).toBe("ok");
    });
  }

  it("cancel() stops a run that would never end and the next run works", async () => {
    const outcome = await page.evaluate(async () => {
      const w = window as unknown as {
        sandbox: { run(s: string, o?: object): Promise<unknown>; cancel(): void };
      };
      const never = w.sandbox.run("while (true) {}", { limits: { deadlineMs: 60_000 } }).then(
        () => "finished",
        (e: Error) => e.name,
      );
      await new Promise((r) => setTimeout(r, 300));
      w.sandbox.cancel();
      return never;
    });
    expect(outcome).toBe("RunCancelledError");
    expect((await runInPage(CANARY)).status).toBe("ok");
  });
});
