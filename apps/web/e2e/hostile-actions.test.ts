/**
 * Cross-site requests to the exercise page's Submit server action, against the production build:
 * the same request that grades and records from the page itself is refused when its Origin is
 * another site (Next's own Origin check of server actions), and nothing is graded or recorded.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { type LoadServer, loadServer } from "../load/server";
import { signUpStudents } from "../load/students";
import { webRoot } from "./build";

const EXERCISE = "12-asyncio/three-clients";
let server: LoadServer | undefined;

afterAll(async () => {
  await server?.stop();
});

/** The id Next gave the submitSolution action in this build. */
function submitActionId(): string {
  const manifest = JSON.parse(
    readFileSync(join(webRoot, ".next/server/server-reference-manifest.json"), "utf8"),
  ) as { node: Record<string, unknown> };
  const id = Object.entries(manifest.node).find(([, entry]) =>
    JSON.stringify(entry).includes("submitSolution"),
  )?.[0];
  if (!id) throw new Error("submitSolution is not in the build's server-reference-manifest.json");
  return id;
}

describe("the Submit server action from another site", () => {
  it("is refused, grading and recording nothing, while the page's own call works", async () => {
    server = await loadServer();
    await server.start();
    const [cookie] = await signUpStudents(server.url, 1, "actions");
    const page = `${server.url}/learn/${EXERCISE}`;
    const id = submitActionId();
    const call = (origin: string, code: string) =>
      fetch(page, {
        method: "POST",
        headers: {
          "next-action": id,
          "content-type": "text/plain;charset=UTF-8",
          accept: "text/x-component",
          origin,
          cookie: cookie!,
        },
        body: JSON.stringify([{ exerciseId: EXERCISE, code }]),
      });

    const own = await call(server.url, "print('from the page')");
    expect(own.status).toBe(200);
    expect(await own.text()).toContain("recorded");

    for (const origin of ["https://evil.example", "null", `${server.url}.evil.example`]) {
      const response = await call(origin, `print('from ${origin}')`);
      const text = await response.text();
      expect(response.status, origin).not.toBe(200);
      expect(text).not.toContain("recorded");
    }

    const sqlite = new BetterSqlite3(server.databaseUrl.replace(/^file:/, ""), { readonly: true });
    try {
      const codes = (sqlite.prepare(`SELECT "code" FROM "Submission"`).all() as { code: string }[]).map(
        (r) => r.code,
      );
      expect(codes).toEqual(["print('from the page')"]);
    } finally {
      sqlite.close();
    }
  });
});
