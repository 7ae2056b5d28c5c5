import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createNodeSandbox, findWorkerFile } from "./pool";

const here = path.dirname(fileURLToPath(import.meta.url));

describe("findWorkerFile", () => {
  it("finds the generated worker from anywhere inside the repository", () => {
    const file = findWorkerFile(path.join(here, "..", ".."));
    expect(file).toBe(path.resolve(here, "../generated/node-worker.mjs"));
  });

  it("says which file is missing and how to make it when it is not there", () => {
    const outside = mkdtempSync(path.join(tmpdir(), "interleave-no-worker-"));
    expect(() => findWorkerFile(outside)).toThrow(/node-worker\.mjs.*npm run build/);
  });

  it("gives a pool that runs programs", async () => {
    const pool = createNodeSandbox({ threads: 1, workerFile: findWorkerFile(here) });
    try {
      const result = await pool.run(`import { print } from "interleave"; print("from the pool");`);
      expect(result.output.map((l) => l.text)).toEqual(["from the pool"]);
    } finally {
      await pool.dispose();
    }
  });

  it.runIf(existsSync("/proc/thread-self"))(
    "runs its workers at the nice value it is given (Linux)",
    async () => {
      const niceOfThreads = () =>
        readdirSync("/proc/self/task").map((tid) => {
          // Fields after the command's closing parenthesis; nice is the 19th field of the line.
          const stat = readFileSync(`/proc/self/task/${tid}/stat`, "utf8");
          return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[16]);
        });
      expect(niceOfThreads()).not.toContain(7);
      const pool = createNodeSandbox({ threads: 1, nice: 7, workerFile: findWorkerFile(here) });
      try {
        const result = await pool.run(`import { print } from "interleave"; print("low priority");`);
        expect(result.output.map((l) => l.text)).toEqual(["low priority"]);
        expect(niceOfThreads()).toContain(7);
      } finally {
        await pool.dispose();
      }
    },
  );
});
