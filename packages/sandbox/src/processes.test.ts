import { describe, expect, it } from "vitest";
import { useSandbox } from "./test-sandbox";

const sandbox = useSandbox();

describe("multiprocessing in QuickJS (spawn)", () => {
  it("evaluates the program again in a fresh context for each child", async () => {
    const result = await sandbox().run(`import { multiprocessing, print, __name__ } from "interleave";
(globalThis as any).seen = ((globalThis as any).seen ?? 0) + 1;
async function child(q: any) { await q.put([__name__, (globalThis as any).seen]); }
if (__name__ === "__main__") {
  const q = new multiprocessing.Queue();
  const ps = [new multiprocessing.Process({ target: child, args: [q] }), new multiprocessing.Process({ target: child, args: [q] })];
  for (const p of ps) p.start();
  for (const p of ps) p.join();
  print(q.get(), q.get(), (globalThis as any).seen);
}
`);
    expect(result.status).toBe("ok");
    // Each child's realm counted one evaluation of its own; the parent's counter is untouched.
    expect(result.output.map((l) => l.text)).toEqual(["['__mp_main__', 1] ['__mp_main__', 1] 1"]);
  });

  it("freezes the child's built-ins as it does the parent's", async () => {
    const result = await sandbox().run(`import { multiprocessing, __name__ } from "interleave";
async function child() { Array.prototype.push = () => 0; }
if (__name__ === "__main__") {
  const p = new multiprocessing.Process({ target: child });
  p.start();
  p.join();
  if (p.exitcode !== 0) throw new Error("child failed with exit code " + p.exitcode);
}
`);
    expect(result.status).toBe("error");
    expect(result.error?.message).toMatch(/child failed with exit code 1/);
  });

  it("explains a target that a child cannot find by name", async () => {
    const result = await sandbox().run(`import { multiprocessing, __name__ } from "interleave";
if (__name__ === "__main__") {
  const jobs = { run: async () => {} };
  const p = new multiprocessing.Process({ target: jobs.run });
  p.start();
  p.join();
  if (p.exitcode !== 0) throw new Error("child failed");
}
`);
    expect(result.status).toBe("error");
    expect(result.warnings.map((w) => w.message).join("\n")).toMatch(/Can't get attribute 'run'/);
  });
});
