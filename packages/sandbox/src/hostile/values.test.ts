import { describe } from "vitest";
import { type HostileCase, hostileSuite } from "./harness";

const UNREADABLE = /raised a value that cannot be read/;

const cases: HostileCase[] = [
  { name: "a thrown number", source: "throw 42;", status: "error", type: "int", message: /^42$/ },
  { name: "a thrown null", source: "throw null;", status: "error", type: "NoneType" },
  { name: "a thrown symbol", source: "throw Symbol('s');", status: "error", type: "symbol" },
  {
    name: "a thrown object whose toString throws",
    source: "throw { toString() { throw new Error('nope'); } };",
    status: "error",
    type: "dict",
  },
  {
    name: "an error whose message getter throws",
    source:
      "const e = new Error('x');\nObject.defineProperty(e, 'message', { get() { throw new Error('no message'); } });\nthrow e;",
    status: "error",
    type: "UnreadableError",
    message: UNREADABLE,
  },
  {
    name: "an error whose name getter loops forever",
    source:
      "const e = new Error('x');\nObject.defineProperty(e, 'name', { get() { while (true) {} } });\nthrow e;",
    status: "timeout",
    type: "DeadlineExceeded",
  },
  {
    name: "a thrown Proxy whose traps throw",
    source:
      "throw new Proxy({}, { get() { throw new Error('trap'); }, getPrototypeOf() { throw new Error('trap'); } });",
    status: "error",
    type: "UnreadableError",
    message: UNREADABLE,
  },
  {
    name: "a thrown cycle",
    source: "const a: any = { name: 'loop' };\na.self = a;\nthrow a;",
    status: "error",
    type: "dict",
    message: /\{\.\.\.\}/,
  },
  {
    name: "a thrown huge string",
    source: "throw 'x'.repeat(2_000_000);",
    status: "error",
    type: "str",
  },
  {
    name: "a task failing with a getter-trapped error nobody retrieves",
    source: `import { asyncio } from "interleave";
async function bad() { const e = new Error("x"); Object.defineProperty(e, "message", { get() { throw new Error("gotcha"); } }); throw e; }
async function main() { asyncio.create_task(bad()); await asyncio.sleep(1); throw new Error("main fails too"); }
asyncio.run(main());`,
    status: "error",
    type: "Error",
    message: /main fails too/,
  },
];

describe("hostile programs: values that resist being copied out", () => {
  hostileSuite(cases, { deadlineMs: 1_500 });
});
