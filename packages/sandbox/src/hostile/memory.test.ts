import { describe } from "vitest";
import { type HostileCase, hostileSuite } from "./harness";

const MEMORY = /used more than 16 MB of memory and was stopped/;
const STACK = /called functions too deeply \(it ran out of stack\)/;

const cases: HostileCase[] = [
  {
    name: "an array bomb",
    source:
      "const a: number[][] = [];\nfor (let i = 0; ; i++) a.push([i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i]);",
    status: "limit",
    type: "MemoryLimitExceeded",
    message: MEMORY,
  },
  {
    name: "an array bomb that catches out-of-memory errors",
    source:
      "const a: number[][] = [];\nfor (let i = 0; ; i++) { try { a.push([i, i, i, i, i, i, i, i, i, i, i, i]); } catch (e) {} }",
    status: "limit",
    type: "MemoryLimitExceeded",
  },
  {
    name: "a doubling string",
    source: "let s = 'x';\nwhile (true) s = s + s;",
    status: "limit",
    type: "MemoryLimitExceeded",
  },
  {
    name: "many distinct strings",
    source: "const a: string[] = [];\nfor (let i = 0; ; i++) a.push('x'.repeat(10_000) + i);",
    status: "limit",
    type: "MemoryLimitExceeded",
  },
  {
    name: "an ArrayBuffer bomb",
    source: "const a: ArrayBuffer[] = [];\nwhile (true) a.push(new ArrayBuffer(1 << 20));",
    status: "limit",
    type: "MemoryLimitExceeded",
  },
  {
    name: "one huge ArrayBuffer",
    source: "const b = new ArrayBuffer(1 << 30);\nnew Uint8Array(b).fill(1);",
    status: "limit",
    type: "MemoryLimitExceeded",
  },
  {
    name: "plain deep recursion",
    source: "function down(n: number): number { return down(n + 1) + 1; }\ndown(0);",
    status: "limit",
    type: "StackLimitExceeded",
    message: STACK,
  },
  {
    name: "deep recursion through JSON.parse",
    source: "JSON.parse('['.repeat(100_000) + ']'.repeat(100_000));",
    status: "limit",
    type: "StackLimitExceeded",
    message: STACK,
  },
  {
    name: "deep recursion caught and retried forever",
    source:
      "function down(n: number): number { return down(n + 1) + 1; }\nwhile (true) { try { down(0); } catch (e) {} }",
    status: "timeout",
    type: "DeadlineExceeded",
  },
];

describe("hostile programs: memory and stack", () => {
  hostileSuite(cases, { memoryBytes: 16 * 1024 * 1024, deadlineMs: 3_000 });
});
