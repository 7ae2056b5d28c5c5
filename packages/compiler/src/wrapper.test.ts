/**
 * Runs compiled programs, proving the output is valid JavaScript that behaves like the student's
 * async code. The scheduler is stood in for by `drive`, a few lines that step a coroutine the way
 * @interleave/scheduler does: awaiting a coroutine runs it inline, awaiting `ready(v)` gives v,
 * awaiting `failed(e)` throws e into the awaiting code.
 */
import { runInThisContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { compile } from "./compile";
import { COMPILED_SCOPE, wrapAsFunctionBody } from "./wrapper";

type CoroBody = (...args: unknown[]) => Generator<unknown, unknown, unknown>;

/** As the runtime's Coroutine: the body is called at once (binding the arguments), and runs when driven. */
class Coro {
  readonly gen: Generator<unknown, unknown, unknown>;
  constructor(
    readonly name: string,
    body: CoroBody,
    thisArg: unknown,
    args: ArrayLike<unknown> | undefined,
  ) {
    this.gen = body.apply(thisArg, args === undefined ? [] : Array.from(args));
  }
}

class Ready {
  constructor(readonly value: unknown) {}
}

class Failed {
  constructor(readonly error: unknown) {}
}

function drive(coro: unknown): unknown {
  if (!(coro instanceof Coro)) throw new TypeError(`not a coroutine: ${String(coro)}`);
  const gen = coro.gen;
  let step = gen.next();
  while (!step.done) {
    const awaited = step.value;
    let result: unknown;
    try {
      if (awaited instanceof Coro) result = drive(awaited);
      else if (awaited instanceof Ready) result = awaited.value;
      else if (awaited instanceof Failed) throw awaited.error;
      else throw new TypeError(`object ${String(awaited)} can't be used in 'await' expression`);
    } catch (error) {
      step = gen.throw(error);
      continue;
    }
    step = gen.next(result);
  }
  return step.value;
}

interface Run {
  output: unknown[];
  /** Names passed to __coro, in call order. */
  created: string[];
  exports: Record<string, unknown>;
}

/** Compiles `source`, evaluates it as the sandbox does, and returns what it printed. */
function run(source: string): Run {
  const result = compile(source);
  if (!result.ok) throw new Error(`compile failed: ${JSON.stringify(result.error)}`);
  const output: unknown[] = [];
  const created: string[] = [];
  const interleave = {
    print: (...args: unknown[]) => output.push(args.length === 1 ? args[0] : args),
    ready: (value: unknown) => new Ready(value),
    failed: (error: unknown) => new Failed(error),
    run: drive,
  };
  const require = (name: string) => {
    if (name !== "interleave") throw new Error(`no module ${name}`);
    return interleave;
  };
  const __coro = (name: string, body: CoroBody, thisArg: unknown, args?: ArrayLike<unknown>) => {
    created.push(name);
    return new Coro(name, body, thisArg, args);
  };
  const module = { exports: {} as Record<string, unknown> };
  const factory = runInThisContext(wrapAsFunctionBody(result.code), { filename: "main.ts" });
  factory(require, module.exports, module, __coro);
  return { output, created, exports: module.exports };
}

/** Line 1 of every program below; the template literal's first line break starts line 2. */
const PRELUDE = 'import { print, ready, failed, run } from "interleave";';

describe("wrapAsFunctionBody", () => {
  it("takes the names compiled code expects, and opens on the code's first line", () => {
    const wrapped = wrapAsFunctionBody('"use strict";a();\nb();');
    expect(wrapped).toBe(`(function (${COMPILED_SCOPE.join(", ")}) {"use strict";a();\nb();\n})`);
    expect(COMPILED_SCOPE).toEqual(["require", "exports", "module", "__coro"]);
  });

  it("keeps a trailing line comment from swallowing the closing brace", () => {
    expect(() => run("const a = 1; // the end")).not.toThrow();
  });
});

describe("compiled async code runs like the student's", () => {
  it("creates coroutines lazily: calling an async function runs none of its body", () => {
    const { output, created } = run(`${PRELUDE}
async function work(n: number): Promise<number> {
  print("start " + n);
  return n * 2;
}
const coro = work(21);
print("created");
print(run(coro));`);
    expect(output).toEqual(["created", "start 21", 42]);
    expect(created).toEqual(["work"]);
  });

  it("returns values through nested awaits", () => {
    const { output } = run(`${PRELUDE}
async function one(): Promise<number> { return await ready(1); }
async function add(a: number, b: number) { return a + b; }
async function main() {
  const total = await add(await one(), await add(await one(), 1));
  print(total);
  print(await
    add(10, 20));
}
run(main());`);
    expect(output).toEqual([3, 30]);
  });

  it("hands this and arguments to the generator", () => {
    const { output } = run(`${PRELUDE}
class Counter {
  count = 10;
  async add(step: number): Promise<number> {
    this.count += step;
    return this.count;
  }
  async all(...steps: number[]) {
    for (const s of arguments) await this.add(s);
    const later = async () => this.count;
    return await later();
  }
}
async function count() { return arguments.length; }
const c = new Counter();
print(run(c.add(5)));
print(run(c.all(1, 2, 3)));
print(run(count(1, 2)));`);
    expect(output).toEqual([15, 21, 2]);
  });

  it("runs async arrows with expression and block bodies, and object methods", () => {
    const { output, created } = run(`${PRELUDE}
const double = async (x: number) => x * 2;
const pair = async (x: number) => ({ x, y: await double(x) });
const obj = {
  base: 100,
  async get(n: number) { return this.base + (await pair(n)).y; },
  later: async () => { return await double(4); },
};
print(run(pair(3)));
print(run(obj.get(1)));
print(run(obj.later()));
print(run((async () => "anonymous")()));`);
    expect(output).toEqual([{ x: 3, y: 6 }, 102, 8, "anonymous"]);
    expect(created).toEqual(["pair", "double", "get", "pair", "double", "later", "double", "<lambda>"]);
  });

  it("throws failures into the awaiting code, where try/catch/finally see them", () => {
    const { output } = run(`${PRELUDE}
async function boom(): Promise<never> { throw new Error("boom"); }
async function main() {
  try {
    await failed(new Error("first"));
  } catch (e) {
    print((e as Error).message);
  }
  try {
    await boom();
  } catch (e) {
    print((e as Error).message);
  } finally {
    print("finally");
  }
  await 42;
}
try { run(main()); } catch (e) { print((e as Error).message); }`);
    expect(output).toEqual(["first", "boom", "finally", "object 42 can't be used in 'await' expression"]);
  });

  it("evaluates default parameters at the call, as an async function does", () => {
    const { output } = run(`${PRELUDE}
let calls = 0;
async function f(a = ++calls, { b } = { b: a * 10 }) { return [a, b]; }
const coro = f();
print(calls);
print(run(coro));`);
    expect(output).toEqual([1, [1, 10]]);
  });

  it("exports async functions that return coroutines", () => {
    const { exports } = run("export async function main() { return 7; }\nexport const name = 'x';");
    expect(exports.name).toBe("x");
    expect(drive((exports.main as () => unknown)())).toBe(7);
  });
});

describe("runtime errors point at the student's line", () => {
  /** The line of main.ts that the stack trace of `error` names first. */
  function lineOf(error: unknown): number {
    const match = /main\.ts:(\d+)/.exec((error as Error).stack ?? "");
    return match ? Number(match[1]) : -1;
  }

  it("names the line of a throw inside an async method after multi-line types", () => {
    let caught: unknown;
    try {
      run(`${PRELUDE}
interface Options {
  retries: number;
  delay: number;
}
enum Mode {
  Fast,
  Slow,
}
class Client {
  constructor(
    private readonly options: Options,
    public mode: Mode = Mode.Fast,
  ) {}
  async fetch<T>(
    url: string,
  ): Promise<T> {
    await ready(this.options.retries);
    const value = (undefined as unknown as { x: T }).x;
    return value;
  }
}
run(new Client({ retries: 1, delay: 2 }).fetch("u"));`);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(TypeError);
    expect(lineOf(caught)).toBe(19);
    // The generator carries the method's name, so the frame is not "<anonymous>".
    expect((caught as Error).stack).toMatch(/fetch \(main\.ts:19:/);
  });

  it("names the line of an error at the top level", () => {
    let caught: unknown;
    try {
      run(`${PRELUDE}
type Id = number;
const ids: Id[] = [1, 2];

(ids as any).nope();`);
    } catch (error) {
      caught = error;
    }
    expect(lineOf(caught)).toBe(5);
  });
});
