import { describe } from "vitest";
import { type HostileCase, hostileSuite } from "./harness";

const cases: HostileCase[] = [
  {
    name: "a flood of short lines",
    source: "import { print } from 'interleave';\nwhile (true) print('spam');",
    status: "limit",
    type: "LimitExceeded",
    message: /printed more than 1000 lines/,
  },
  {
    name: "a few enormous lines",
    source:
      "import { print } from 'interleave';\nconst s = 'x'.repeat(300_000);\nfor (let i = 0; i < 10; i++) print(s);",
    status: "limit",
    type: "OutputLimitExceeded",
    message: /printed more than 500,000 characters/,
  },
  {
    name: "a flood that catches the output limit and keeps printing",
    source:
      "import { print } from 'interleave';\nconst s = 'y'.repeat(1000);\nwhile (true) { try { print(s); } catch (e) {} }",
    status: "timeout",
    type: "DeadlineExceeded",
  },
  {
    name: "printing from many tasks at once",
    source: `import { asyncio, print } from "interleave";
async function shout(i: number) { while (true) { print("task", i, "x".repeat(100)); await asyncio.sleep(0); } }
async function main() { await asyncio.gather(...Array.from({ length: 50 }, (_, i) => shout(i))); }
asyncio.run(main());`,
    status: "limit",
    type: "LimitExceeded",
  },
];

describe("hostile programs: output floods", () => {
  hostileSuite(cases, { maxOutputLines: 1_000, maxOutputChars: 500_000, deadlineMs: 3_000 });
});
