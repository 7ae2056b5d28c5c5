import { describe, expect, it } from "vitest";
import { useSandbox } from "./test-sandbox";

const sandbox = useSandbox();

const texts = (r: { output: { text: string }[] }) => r.output.map((l) => l.text);

const THREADS = `import { threading, print } from "interleave";
let counter = 0;
function bump() {
  for (let i = 0; i < 3; i++) {
    const seen = counter;
    counter = seen + 1;
  }
}
const ts = [0, 1, 2].map(() => new threading.Thread({ target: bump }));
for (const t of ts) t.start();
for (const t of ts) t.join();
print("counter", counter, Math.random().toFixed(6));
`;

const ASYNC = `import { asyncio, print } from "interleave";
async function main() {
  const t0 = Date.now();
  await asyncio.gather(asyncio.sleep(2), asyncio.sleep(1));
  print("slept", (Date.now() - t0) / 1000, new Date().toISOString());
}
asyncio.run(main());
`;

describe("one context serves many runs", () => {
  it("runs that end on their own share a context", async () => {
    const before = sandbox().engine!.contextsMade;
    for (let i = 0; i < 5; i++) expect((await sandbox().run(ASYNC)).status).toBe("ok");
    expect(sandbox().engine!.contextsMade - before).toBeLessThanOrEqual(1);
  });

  it("gives the same result for the same program and seed whatever ran before (trace included)", async () => {
    const options = { seed: 7, strategy: { kind: "random" as const } };
    const first = await sandbox().run(THREADS, options);
    await sandbox().run(ASYNC);
    await sandbox().run(THREADS, { seed: 8, strategy: { kind: "random" as const } });
    const again = await sandbox().run(THREADS, options);
    expect(first.status).toBe("ok");
    expect(again).toEqual(first);
  });

  it("removes the globals a program adds before the next run", async () => {
    await sandbox().run(`(globalThis as any).stash = [1, 2, 3]; var implicit = 1;`);
    const next = await sandbox().run(
      `import { print } from "interleave"; print(typeof (globalThis as any).stash, typeof (globalThis as any).implicit);`,
    );
    expect(texts(next)).toEqual(["undefined undefined"]);
  });

  it("throws a context away when a program leaves a global that cannot be removed", async () => {
    const before = sandbox().engine!.contextsMade;
    const first = await sandbox().run(
      `Object.defineProperty(globalThis, "stuck", { value: 1, configurable: false });`,
    );
    expect(first.status).toBe("ok");
    const next = await sandbox().run(
      `import { print } from "interleave"; print(typeof (globalThis as any).stuck);`,
    );
    expect(texts(next)).toEqual(["undefined"]);
    expect(sandbox().engine!.contextsMade).toBe(before + 1);
  });

  it("lets no program change the runtime's internal classes for later runs", async () => {
    const tamper = await sandbox().run(`import { asyncio } from "interleave";
async function main() {
  const task = asyncio.create_task(asyncio.sleep(1));
  const protos = [task, (task as any)._coro, asyncio.get_running_loop(), new asyncio.Lock()]
    .map((o) => Object.getPrototypeOf(o));
  for (const p of protos) {
    for (let q = p; q !== null && q !== Object.prototype; q = Object.getPrototypeOf(q)) {
      (q as any).injected = true;
    }
  }
  await task;
}
asyncio.run(main());
`);
    expect(tamper.status).toBe("error");
    expect(tamper.error?.type).toBe("TypeError");
    expect((await sandbox().run(ASYNC)).status).toBe("ok");
  });
});

describe("a deterministic realm", () => {
  it("Math.random draws from the run's seed: same seed, same numbers; another seed, others", async () => {
    const source = `import { print } from "interleave"; print(Math.random(), Math.random());`;
    const a = texts(await sandbox().run(source, { seed: 1 }));
    const b = texts(await sandbox().run(source, { seed: 1 }));
    const c = texts(await sandbox().run(source, { seed: 2 }));
    expect(a).toEqual(b);
    expect(c).not.toEqual(a);
  });

  it("Date reads the virtual clock, as time.time() does", async () => {
    const result = await sandbox().run(ASYNC);
    expect(texts(result)).toEqual(["slept 2 2026-01-01T00:00:02.000Z"]);
    const ctor = await sandbox().run(
      `import { print } from "interleave"; print((new Date() as any).constructor.now() === Date.now(), Date.now());`,
    );
    expect(texts(ctor)).toEqual(["True 1767225600000"]);
  });

  it("performance.now() counts virtual milliseconds since the run began, like time.perf_counter()", async () => {
    const source = `import { asyncio, print } from "interleave";
const p = (globalThis as any).performance;
async function main() {
  const t0 = p === undefined ? 0 : p.now();
  await asyncio.sleep(1.5);
  print(p === undefined ? "no performance" : \`\${t0} \${p.now()} \${p.timeOrigin === Date.UTC(2026, 0, 1)}\`);
}
asyncio.run(main());`;
    const first = texts(await sandbox().run(source));
    expect(["0 1500 true", "no performance"]).toContain(first[0]);
    expect(texts(await sandbox().run(source))).toEqual(first);
  });

  it("offers no objects that observe the garbage collector", async () => {
    const result = await sandbox().run(
      `import { print } from "interleave"; print(typeof (globalThis as any).WeakRef, typeof (globalThis as any).FinalizationRegistry);`,
    );
    expect(texts(result)).toEqual(["undefined undefined"]);
  });
});
