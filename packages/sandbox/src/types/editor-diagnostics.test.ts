import { describe, expect, it } from "vitest";
import { editorDiagnostics } from "./editor-diagnostics";

describe("editorDiagnostics", () => {
  it("accepts a program that uses the runtime as documented", async () => {
    const text = `import { threading, print } from "interleave";
const count = threading.shared(0, "count");
const lock = new threading.Lock();
async function bump() { await lock.with(async () => { await count.store((await count.load()) + 1); }); }
const t = new threading.Thread({ target: bump });
t.start(); t.join();
print(count.value);
`;
    expect(await editorDiagnostics([{ file: "ok.ts", text }])).toEqual([]);
  });

  it("locates what the editor would underline, per file", async () => {
    const files = [
      { file: "fine.ts", text: `import { print } from "interleave";\nprint(1);\n` },
      {
        file: "typo.ts",
        text: `import { threading } from "interleave";\nconst c = threading.shared(0);\nc.valu;\n`,
      },
    ];
    const [only, ...rest] = await editorDiagnostics(files);
    expect(rest).toEqual([]);
    expect(only).toMatchObject({ file: "typo.ts", line: 3, column: 3 });
    expect(only?.message).toMatch(/Property 'valu' does not exist on type 'Shared<number>'/);
  });
});
