import type { RunResult } from "@interleave/scheduler";
import { describe, expect, it } from "vitest";
import type { RunOptions } from "./sandbox";
import { QuickJSSandbox } from "./sandbox";
import { useSandbox } from "./test-sandbox";

const sandbox = useSandbox();

const texts = (r: RunResult) => r.output.map((l) => l.text);

/** Three children at work, as the first module's exercises do. */
const THREE_CHILDREN = `import { __name__, multiprocessing, print, work } from "interleave";
async function resize(photo: string) {
  await work(1);
  print(photo, "resized", Math.random().toFixed(6), Date.now());
}
if (__name__ === "__main__") {
  const ps = ["cat", "dog", "fox"].map((photo) => new multiprocessing.Process({ target: resize, args: [photo] }));
  for (const p of ps) p.start();
  for (const p of ps) p.join();
  print("done", ps.map((p) => p.exitcode));
}
`;

/** A pool of four workers and a queue back to the parent. */
const POOL = `import { __name__, multiprocessing, print, work } from "interleave";
const loaded = Math.random();
async function square(n: number) {
  await work(0.1 * n);
  return [n * n, loaded.toFixed(6)];
}
if (__name__ === "__main__") {
  const pool = new multiprocessing.Pool(4);
  print(pool.map(square, [1, 2, 3, 4, 5, 6]));
  pool.close();
  pool.join();
}
`;

/** An executor from asyncio, one child. */
const EXECUTOR = `import { __name__, asyncio, concurrent, print, work } from "interleave";
async function report() { await work(0.7); return "report " + Math.random().toFixed(4); }
async function main() {
  const pool = new concurrent.futures.ProcessPoolExecutor();
  print(await asyncio.get_running_loop().run_in_executor(pool, report));
  pool.shutdown();
}
if (__name__ === "__main__") asyncio.run(main());
`;

/** A program whose one child process runs `childBody` (with `g`, its globalThis, and `q`, a queue whose first item the parent prints). */
const childReports = (
  childBody: string,
  afterJoin = "",
) => `import { __name__, multiprocessing, print } from "interleave";
const g = globalThis as any;
async function child(q: any) {
${childBody}
}
if (__name__ === "__main__") {
  const q = new multiprocessing.Queue();
  const p = new multiprocessing.Process({ target: child, args: [q] });
  p.start();
  print(q.get());
  p.join();${afterJoin}
}
`;

/** A child that leaves a mess in its realm and reports what its realm held when it started. */
const POLLUTER = childReports(
  `  const before = [typeof g.stash, typeof g.late];
  g.stash = [1, 2, 3];
  Promise.resolve().then(() => { g.late = true; });
  try { (Array.prototype as any).push = null; } catch {}
  try { (multiprocessing as any).Process = null; } catch {}
  await q.put(before);`,
  `
  print("exit", p.exitcode);`,
);

/** What a child process's realm holds before the program touches it. */
const INSPECT = childReports(
  `  let added = true;
  try { g.added = 1; } catch { added = false; }
  await q.put([typeof g.stash, typeof g.half, typeof g.leaked, typeof g.late, added, [].push.name]);`,
);
const CLEAN = ["['undefined', 'undefined', 'undefined', 'undefined', True, 'push']"];

/** A program whose child processes (only) run `childCode` when they import it. */
const childDoes = (childCode: string) => `import { __name__, multiprocessing, print } from "interleave";
async function child() {}
if (__name__ !== "__main__") { ${childCode} }
if (__name__ === "__main__") {
  const p = new multiprocessing.Process({ target: child });
  p.start();
  p.join();
  print("exit", p.exitcode);
}
`;

/** The child contexts of the context the next run takes: hardened so far, and kept clean. */
function childContexts(): { made: number; idle: number } {
  const engine = sandbox().engine!;
  const prepared = engine.takeContext();
  engine.recycle(prepared);
  return { made: prepared.children.made, idle: prepared.children.idle };
}
const childContextsMade = () => childContexts().made;

async function fresh(source: string, options: RunOptions): Promise<RunResult> {
  const own = await QuickJSSandbox.create({ whenIdle: () => {} });
  try {
    return await own.run(source, options);
  } finally {
    own.dispose();
  }
}

describe("child process contexts are reused", () => {
  it("hardens a child context once, then serves later runs with it", async () => {
    await sandbox().run(THREE_CHILDREN);
    const made = childContextsMade();
    for (let i = 0; i < 4; i++) expect((await sandbox().run(THREE_CHILDREN, { seed: i })).status).toBe("ok");
    expect(childContextsMade()).toBe(made);
    await sandbox().run(POOL);
    // The pool's fourth worker needs one more context; three were there already.
    expect(childContextsMade()).toBe(made + 1);
  });

  it("gives the same results, traces included, as fresh contexts, whatever ran before", async () => {
    const cases: [string, RunOptions][] = [
      [THREE_CHILDREN, { seed: 3 }],
      [POOL, { seed: 5 }],
      [EXECUTOR, { seed: 1 }],
      [THREE_CHILDREN, { seed: 4, strategy: { kind: "random" } }],
    ];
    const expected: RunResult[] = [];
    for (const [source, options] of cases) expected.push(await fresh(source, options));
    for (const r of expected) expect(r.status).toBe("ok");
    for (const order of [
      [0, 1, 2, 3],
      [3, 2, 1, 0],
      [2, 0, 3, 1, 0, 2],
    ]) {
      for (const i of order) {
        const [source, options] = cases[i]!;
        expect(await sandbox().run(source, options)).toEqual(expected[i]);
      }
    }
  });

  it("gives a child the run's Math.random and clock, not the last run's", async () => {
    const seven = texts(await sandbox().run(THREE_CHILDREN, { seed: 7 }));
    const eight = texts(await sandbox().run(THREE_CHILDREN, { seed: 8 }));
    expect(eight).not.toEqual(seven);
    expect(texts(await sandbox().run(THREE_CHILDREN, { seed: 7 }))).toEqual(seven);
    expect(seven[0]).toMatch(/^cat resized 0\.\d{6} 1767225601000$/);
  });
});

describe("a child that pollutes its realm does not affect the next run", () => {
  it("loses the globals it added, and its late promise jobs run before the cleaning", async () => {
    const first = await sandbox().run(POLLUTER);
    expect(texts(first)).toEqual(["['undefined', 'undefined']", "exit 0"]);
    expect(texts(await sandbox().run(POLLUTER))).toEqual(texts(first));
    expect(texts(await sandbox().run(INSPECT))).toEqual(CLEAN);
  });

  it("throws away a child context whose global object it cannot put back", async () => {
    for (const mess of [
      "Object.setPrototypeOf(globalThis, { leaked: 1 });",
      "Object.preventExtensions(globalThis);",
      'Object.defineProperty(globalThis, "stash", { value: 1, configurable: false });',
    ]) {
      const before = childContexts();
      expect(texts(await sandbox().run(childDoes(mess)))).toEqual(["exit 0"]);
      expect(childContexts()).toEqual({ made: before.made, idle: before.idle - 1 });
      expect(texts(await sandbox().run(INSPECT))).toEqual(CLEAN);
    }
  });

  it("is cleaned after throwing while it imports the program", async () => {
    const result = await sandbox().run(childDoes('(globalThis as any).half = 1; throw new Error("boom");'));
    expect(texts(result)).toEqual(["exit 1"]);
    expect(texts(await sandbox().run(INSPECT))).toEqual(CLEAN);
  });

  it("takes its context with it when it runs into the deadline", async () => {
    const contexts = sandbox().engine!.contextsMade;
    const result = await sandbox().run(childDoes("(globalThis as any).stash = 1; for (;;) {}"), {
      limits: { deadlineMs: 300 },
    });
    expect(result.status).toBe("timeout");
    expect(texts(await sandbox().run(INSPECT))).toEqual(CLEAN);
    expect(sandbox().engine!.contextsMade).toBe(contexts + 1);
  });
});

/** Stashes a value on (or reads it back from) the prototypes only iterator helpers reach. */
const HELPERS = `const helpers = [
  Object.getPrototypeOf(([] as any).values().map((x: unknown) => x)),
  Object.getPrototypeOf((globalThis as any).Iterator.from({ next: () => ({ done: true }) })),
];
const stash = () => helpers.map((p) => { try { p.stash = 1; } catch {} return typeof p.stash; });`;

describe("what a run can reach in a realm", () => {
  it("finds the prototypes of iterator helpers frozen, in the parent and in a child", async () => {
    const program = `import { __name__, multiprocessing, print } from "interleave";
${HELPERS}
async function child(q: any) { await q.put(stash()); }
if (__name__ === "__main__") {
  const q = new multiprocessing.Queue();
  const p = new multiprocessing.Process({ target: child, args: [q] });
  p.start();
  print(stash(), q.get());
  p.join();
}
`;
    const expected = ["['undefined', 'undefined'] ['undefined', 'undefined']"];
    expect(texts(await sandbox().run(program))).toEqual(expected);
    expect(texts(await sandbox().run(program))).toEqual(expected);
  });

  it("throws a context away when a program replaced its prototype or made it non-extensible", async () => {
    for (const mess of [
      "Object.setPrototypeOf(globalThis, { leaked: 1 });",
      "Object.preventExtensions(globalThis);",
    ]) {
      const contexts = sandbox().engine!.contextsMade;
      expect((await sandbox().run(mess)).status).toBe("ok");
      const next = await sandbox().run(
        `import { print } from "interleave"; (globalThis as any).added = 1; print(typeof (globalThis as any).leaked);`,
      );
      expect(texts(next)).toEqual(["undefined"]);
      expect(sandbox().engine!.contextsMade).toBe(contexts + 1);
    }
  });
});
