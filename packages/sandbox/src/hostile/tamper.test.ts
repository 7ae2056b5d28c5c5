import { describe } from "vitest";
import { type HostileCase, hostileSuite } from "./harness";

// Each program tampers, then fails for real: the run must still report the failure.
const FAIL = "\nthrow new Error('the real failure');";

const cases: HostileCase[] = [
  {
    name: "overwriting asyncio.run",
    source: "import { asyncio } from 'interleave';\n(asyncio as any).run = () => 'passed';",
    status: "error",
    type: "TypeError",
  },
  {
    name: "redefining asyncio.sleep",
    source:
      "import { asyncio } from 'interleave';\nObject.defineProperty(asyncio, 'sleep', { value: () => null });",
    status: "error",
    type: "TypeError",
  },
  {
    name: "rewriting the clock",
    source: "import { time } from 'interleave';\n(time as any).monotonic = () => 0;",
    status: "error",
    type: "TypeError",
  },
  {
    name: "replacing print to hide output",
    source: "const runtime = require('interleave');\nruntime.print = () => {};",
    status: "error",
    type: "TypeError",
  },
  {
    name: "poisoning Array.prototype.push",
    source: "Array.prototype.push = function () { return 0; };",
    status: "error",
    type: "TypeError",
  },
  {
    name: "poisoning Object.defineProperty",
    source: "(Object as any).defineProperty = () => {};",
    status: "error",
    type: "TypeError",
  },
  {
    name: "faking the result through JSON.stringify",
    source: '(JSON as any).stringify = () => \'{"status":"ok"}\';',
    status: "error",
    type: "TypeError",
  },
  {
    name: "redefining a global the runtime uses",
    source: "Object.defineProperty(globalThis, 'Map', { value: class {} });",
    status: "error",
    type: "TypeError",
  },
  {
    name: "poisoning the generators the scheduler steps",
    source:
      "const proto = Object.getPrototypeOf(function* () {}).prototype;\nObject.getPrototypeOf(proto).next = () => ({ done: true });",
    status: "error",
    type: "TypeError",
  },
  {
    name: "freezing built-in prototypes before failing",
    source: `Object.freeze(Array.prototype);\nObject.freeze(Object.prototype);\nObject.freeze(Map.prototype);${FAIL}`,
    status: "error",
    type: "Error",
    message: /the real failure/,
  },
  {
    name: "a toString trap on Error.prototype before failing",
    source: `try { Error.prototype.toString = () => 'ok'; } catch {}\ntry { (Error.prototype as any).name = 'Fine'; } catch {}${FAIL}`,
    status: "error",
    type: "Error",
    message: /the real failure/,
  },
  {
    name: "swallowing the runtime's own abort",
    source: `import { asyncio } from "interleave";
async function main() { while (true) { try { await asyncio.sleep(0); } catch (e) {} } }
try { asyncio.run(main()); } catch (e) {}`,
    status: "limit",
    type: "LimitExceeded",
  },
];

describe("hostile programs: rewriting the runtime", () => {
  hostileSuite(cases, { maxSteps: 2_000 });
});
