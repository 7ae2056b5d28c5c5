import { describe } from "vitest";
import { type HostileCase, hostileSuite } from "./harness";

const NOT_FOUND = /Cannot find module '.*'\. Programs here can import only "interleave"/;

const cases: HostileCase[] = [
  {
    name: "process",
    source: "process.exit(0);",
    status: "error",
    type: "ReferenceError",
    // QuickJS-ng: "process is not defined"; Bellard's QuickJS quotes the name.
    message: /'?process'? is not defined/,
  },
  {
    name: "require of fs",
    source: "require('fs').readFileSync('/etc/passwd');",
    status: "error",
    type: "Error",
    message: NOT_FOUND,
  },
  {
    name: "import of a node module",
    source: "import { readFileSync } from 'node:fs';\nreadFileSync('/etc/passwd');",
    status: "error",
    type: "Error",
    message: NOT_FOUND,
  },
  {
    name: "a dynamic import whose failure nobody awaits",
    source: "import('node:child_process').then((cp: any) => cp.execSync('id'));",
    status: "error",
    type: "ImportError",
    message: NOT_FOUND,
  },
  { name: "fetch", source: "fetch('http://127.0.0.1/');", status: "error", type: "ReferenceError" },
  { name: "timers", source: "setTimeout(() => {}, 0);", status: "error", type: "ReferenceError" },
  {
    name: "the Function constructor trick",
    source: "const f = (function () {}).constructor('return process')();\nf.exit(0);",
    status: "error",
    type: "ReferenceError",
  },
  {
    name: "the global constructor trick",
    source:
      "const g = (globalThis as any).constructor.constructor('return this')();\ng.process.mainModule.require('fs');",
    status: "error",
    type: "TypeError",
  },
  {
    name: "indirect eval",
    source: "(0, eval)('require')('child_process');",
    status: "error",
    type: "ReferenceError",
  },
  {
    name: "WebAssembly",
    source: "new WebAssembly.Memory({ initial: 1 });",
    status: "error",
    type: "ReferenceError",
  },
];

describe("hostile programs: reaching the host", () => {
  hostileSuite(cases);
});
