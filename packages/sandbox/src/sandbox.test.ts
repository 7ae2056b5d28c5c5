import { describe, expect, it } from "vitest";
import { useSandbox } from "./test-sandbox";

const sandbox = useSandbox();

const SERVER = `import { asyncio, print } from "interleave";

async function handle(name: string) {
  print(\`\${name} connected\`);
  await asyncio.sleep(1);
  print(\`\${name} done\`);
}

async function main() {
  await asyncio.gather(handle("a"), handle("b"));
}

asyncio.run(main());
`;

describe("QuickJSSandbox", () => {
  it("runs a program on the scheduler inside QuickJS", async () => {
    const result = await sandbox().run(SERVER);
    expect(result.status).toBe("ok");
    expect(result.time).toBe(1);
    expect(result.output.map((l) => `${l.time} ${l.task} ${l.text}`)).toEqual([
      "0 Task-2 a connected",
      "0 Task-3 b connected",
      "1 Task-2 a done",
      "1 Task-3 b done",
    ]);
  });

  it("gives every run a fresh realm: globals set by one run are gone in the next", async () => {
    const first = await sandbox().run(
      `(globalThis as any).leak = 42; import { print } from "interleave"; print("set");`,
    );
    expect(first.status).toBe("ok");
    const second = await sandbox().run(
      `import { print } from "interleave"; print(String((globalThis as any).leak));`,
    );
    expect(second.output.map((l) => l.text)).toEqual(["undefined"]);
  });

  it("reports a syntax error at the student's line and column without running anything", async () => {
    const result = await sandbox().run(`import { print } from "interleave";\nprint("a");\nlet x = ;\n`);
    expect(result.status).toBe("error");
    expect(result.error).toMatchObject({ type: "SyntaxError", where: "3:9" });
    expect(result.output).toEqual([]);
  });

  it("reports a runtime error at the student's line with a stack of the student's frames only", async () => {
    const result = await sandbox().run(
      [
        `import { asyncio } from "interleave";`,
        `function check(n: number) {`,
        `  if (n > 2) throw new RangeError("too big: " + n);`,
        `}`,
        `async function main() {`,
        `  await asyncio.sleep(1);`,
        `  check(3);`,
        `}`,
        `asyncio.run(main());`,
      ].join("\n"),
    );
    expect(result.status).toBe("error");
    expect(result.error?.type).toBe("RangeError");
    expect(result.error?.message).toBe("too big: 3");
    expect(result.error?.where).toMatch(/^3:\d+$/);
    const frames = result.error?.stack?.split("\n").map((f) => f.trim().replace(/:\d+\)$/, ")"));
    // The module's frame (asyncio.run runs the loop from the module body) comes last where the
    // engine keeps that many frames: Bellard's QuickJS does, QuickJS-ng keeps 10, the runtime's too.
    expect(frames?.slice(0, 2)).toEqual(["at check (main.ts:3)", "at main (main.ts:7)"]);
    expect(frames?.slice(2).every((f) => f === "at <module> (main.ts:9)")).toBe(true);
  });

  it("passes the seed through and returns the same result for the same program", async () => {
    const a = await sandbox().run(SERVER, { seed: 7 });
    const b = await sandbox().run(SERVER, { seed: 7 });
    expect(a.schedule.seed).toBe(7);
    expect(b).toEqual(a);
  });

  it("lets a program import only the runtime", async () => {
    const result = await sandbox().run(`import fs from "node:fs";\nfs.readFileSync("/etc/passwd");`);
    expect(result.status).toBe("error");
    expect(result.error?.message).toMatch(/Cannot find module 'node:fs'.*only "interleave"/);
  });

  it("keeps what a program printed before the deadline stopped it", async () => {
    const result = await sandbox().run(
      `import { asyncio, print } from "interleave";
async function main() { print("starting"); await asyncio.sleep(1); print("about to loop"); while (true) {} }
asyncio.run(main());`,
      { limits: { deadlineMs: 300 } },
    );
    expect(result.status).toBe("timeout");
    expect(result.error?.type).toBe("DeadlineExceeded");
    expect(result.output.map((l) => `${l.time} ${l.task} ${l.text}`)).toEqual([
      "0 Task-1 starting",
      "1 Task-1 about to loop",
    ]);
  });

  it("returns what the program exports as default as the run's value", async () => {
    const result = await sandbox().run(
      `import { asyncio } from "interleave";\nasync function f() { await asyncio.sleep(1); return 6 * 7; }\nexport default asyncio.run(f());\n`,
    );
    expect(result.status).toBe("ok");
    expect(result.value).toBe(42);
    expect((await sandbox().run(`const x = 1;`)).value).toBeNull();
  });

  it("gives a program no way to reach the run's record (output, clock, counters) through runtime objects", async () => {
    const result = await sandbox().run(`import { asyncio, print } from "interleave";
async function main() {
  await asyncio.sleep(3);
  const seen = new Set<unknown>();
  const stack: unknown[] = [asyncio.get_running_loop(), asyncio.current_task(), asyncio.create_task(asyncio.sleep(1))];
  let reached = 0;
  while (stack.length > 0) {
    const o = stack.pop() as Record<PropertyKey, unknown>;
    if (o === null || (typeof o !== "object" && typeof o !== "function") || seen.has(o)) continue;
    seen.add(o);
    const record = o as { output?: unknown[]; clock?: { now: number } };
    if (Array.isArray(record.output) && record.clock) {
      reached++;
      record.output.push({ time: 0, task: null, text: "forged" });
      record.clock.now = 0;
    }
    for (const key of Reflect.ownKeys(o)) {
      const d = Object.getOwnPropertyDescriptor(o, key);
      if (d && "value" in d) stack.push(d.value);
    }
    stack.push(Object.getPrototypeOf(o));
  }
  print("reached", reached);
}
asyncio.run(main());
`);
    expect(result.status).toBe("ok");
    expect(result.output.map((l) => l.text)).toEqual(["reached 0"]);
    expect(result.time).toBe(3);
  });

  it("gives a thread no way to the run's record either (through locks, their owners and timers)", async () => {
    const result = await sandbox().run(`import { threading, time, print } from "interleave";
const lock = new threading.Lock();
function reach(roots: unknown[]): number {
  const seen = new Set<unknown>();
  const stack = [...roots];
  let reached = 0;
  while (stack.length > 0) {
    const o = stack.pop() as Record<PropertyKey, unknown>;
    if (o === null || (typeof o !== "object" && typeof o !== "function") || seen.has(o)) continue;
    seen.add(o);
    if (("output" in o && "clock" in o) || ("live" in o && "cpu" in o)) reached++;
    for (const key of Reflect.ownKeys(o)) {
      const d = Object.getOwnPropertyDescriptor(o, key);
      if (d && "value" in d) stack.push(d.value);
    }
    stack.push(Object.getPrototypeOf(o));
  }
  return reached;
}
async function holder() { await lock.acquire(); await time.sleep(2); lock.release(); }
async function waiter() { await time.sleep(0.1); if (await lock.acquire(true, 5)) lock.release(); }
const threads = [holder, waiter].map((target) => new threading.Thread({ target }));
for (const t of threads) t.start();
time.sleep(1);
print("reached", reach([lock, threads, threading.current_thread()]));
for (const t of threads) t.join();
`);
    expect(result.status).toBe("ok");
    expect(result.output.map((l) => l.text)).toEqual(["reached 0"]);
  });
});
