import { describe } from "vitest";
import { DEADLINE, type HostileCase, hostileSuite } from "./harness";

const cases: HostileCase[] = [
  {
    name: "a plain infinite loop",
    source: "while (true) {}",
    status: "timeout",
    type: "DeadlineExceeded",
    message: DEADLINE,
  },
  {
    name: "an infinite loop in a try/catch that swallows the interrupt",
    source: "while (true) { try { while (true) {} } catch (e) {} }",
    status: "timeout",
    type: "DeadlineExceeded",
    message: DEADLINE,
  },
  {
    name: "an infinite loop inside finally",
    source: "try { throw new Error('x'); } finally { while (true) {} }",
    status: "timeout",
    type: "DeadlineExceeded",
    message: DEADLINE,
  },
  {
    name: "a loop in a coroutine that never awaits",
    source: `import { asyncio } from "interleave";
async function main() { let n = 0; while (true) n++; }
asyncio.run(main());`,
    status: "timeout",
    type: "DeadlineExceeded",
    message: DEADLINE,
  },
  {
    name: "catastrophic regex backtracking",
    source: "/(a+)+b/.test('a'.repeat(40));",
    status: "timeout",
    type: "DeadlineExceeded",
    message: DEADLINE,
  },
  {
    name: "an endless microtask chain",
    source: "function again() { Promise.resolve().then(again); }\nagain();",
    status: "limit",
    type: "MicrotaskLimitExceeded",
    message: /queued more than [\d,]+ promise callbacks/,
  },
  {
    name: "a microtask fan-out",
    source: "function two() { Promise.resolve().then(two); Promise.resolve().then(two); }\ntwo();",
    status: "limit",
    type: "MicrotaskLimitExceeded",
  },
  {
    name: "a task that spins on sleep(0) forever",
    source: `import { asyncio } from "interleave";
async function main() { while (true) await asyncio.sleep(0); }
asyncio.run(main());`,
    status: "limit",
    type: "LimitExceeded",
    message: /scheduler steps/,
  },
  {
    name: "a task that sleeps forever in virtual time",
    source: `import { asyncio } from "interleave";
async function main() { while (true) await asyncio.sleep(1000); }
asyncio.run(main());`,
    status: "timeout",
    type: "TimeLimitExceeded",
    message: /virtual seconds/,
  },
  {
    name: "one long built-in call no interrupt can stop",
    source: "Array(2 ** 32 - 1).join('ab');",
    status: "timeout",
    type: "DeadlineExceeded",
    message: DEADLINE,
  },
];

describe("hostile programs: loops", () => {
  hostileSuite(cases, { deadlineMs: 2_000, maxSteps: 2_000 });
});
