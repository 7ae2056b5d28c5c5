/**
 * Real run results for tests and the bench: programs of the course compiled with
 * @interleave/compiler and run on @interleave/scheduler in Node. Test-only: it evaluates program
 * text in the host realm (never do that with a learner's code outside tests).
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { compile, wrapAsFunctionBody } from "@interleave/compiler";
import { type InterleaveModule, type RunResult, type RuntimeOptions, run } from "@interleave/scheduler";

type Evaluated = (name: string) => unknown;
type Wrapped = (
  require: (id: string) => unknown,
  exports: object,
  module: object,
  coro: unknown,
) => Evaluated;

/** Compiles `source` (TypeScript using "interleave") and runs it; throws if it does not compile. */
export function runSource(source: string, options: RuntimeOptions = {}): RunResult {
  const compiled = compile(source, { filename: "main.ts" });
  if (!compiled.ok) throw new Error(compiled.error.message);
  // The trailing function lets a child process look a top-level function up by name (spawn).
  const text = `${compiled.code}\n;return (__name) => { try { return eval(__name); } catch { return undefined; } };`;
  // biome-ignore lint/security/noGlobalEval: test-only evaluation of the course's own programs (indirect eval keeps line numbers).
  const indirectEval = globalThis.eval;
  const wrapped = indirectEval(wrapAsFunctionBody(text)) as Wrapped;
  const evaluate = (module: InterleaveModule): Evaluated => {
    const require = (id: string) => {
      if (id === "interleave") return module;
      throw new Error(`Cannot find module '${id}'`);
    };
    const exports = {};
    return wrapped(require, exports, { exports }, module.__coro);
  };
  const realm = { spawn: (module: unknown) => ({ lookup: evaluate(module as InterleaveModule) }) };
  return run(evaluate, { ...options, threads: { ...options.threads, realm } });
}

/** The source of one of the course's exercise files, e.g. `exercise("12-asyncio/three-clients/solution.ts")`. */
export function exercise(path: string): string {
  // A path, not a URL: a DOM test environment replaces the global URL.
  return readFileSync(join(dirname(fileURLToPath(import.meta.url)), "../../../exercises", path), "utf8");
}

/** Five philosophers who each take their left fork, think, then reach for the right one: a deadlock. */
export const PHILOSOPHERS = `import { print, threading, time } from "interleave";

const forks = [1, 2, 3, 4, 5].map(() => new threading.Lock());

async function dine(i: number) {
  const left = forks[i]!;
  const right = forks[(i + 1) % 5]!;
  await left.acquire();
  await time.sleep(0.1); // think, holding the left fork
  await right.acquire();
  print(\`philosopher \${i} eats\`);
  right.release();
  left.release();
}

const ts = [0, 1, 2, 3, 4].map((i) => new threading.Thread({ target: dine, args: [i], name: \`P\${i}\` }));
for (const t of ts) t.start();
for (const t of ts) t.join();
`;

/** Two threads sharing a GIL, then two processes on their own cores, all doing CPU work. */
export const CPU_WORK = `import { __name__, multiprocessing, print, threading, work } from "interleave";

async function crunch(n: number) {
  await work(0.012);
  print(\`crunched \${n}\`);
}

if (__name__ === "__main__") {
  const ts = [1, 2].map((n) => new threading.Thread({ target: crunch, args: [n] }));
  for (const t of ts) t.start();
  for (const t of ts) t.join();
  const ps = [1, 2].map((n) => new multiprocessing.Process({ target: crunch, args: [n] }));
  for (const p of ps) p.start();
  for (const p of ps) p.join();
}
`;

/** `n` asyncio tasks that each sleep a little, print, and sleep again: a big timeline. */
export function manyTasks(n: number): string {
  return `import { asyncio, print } from "interleave";

async function client(i: number) {
  await asyncio.sleep((i % 10) / 10);
  print(\`client \${i} served\`);
  await asyncio.sleep(1);
}

async function main() {
  await asyncio.gather(...Array.from({ length: ${n} }, (_, i) => client(i)));
}

asyncio.run(main());
`;
}
