/**
 * The server SIGKILLed during a stream of Submits, then restarted on the same database: every
 * submission the client saw acknowledged ("recorded") is there, each with its whole result, and
 * each student's progress counts exactly the submissions stored (one transaction: both or neither).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { defaultCourseRoot } from "@interleave/content";
import BetterSqlite3 from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { type LoadServer, loadServer } from "../load/server";
import { signUpStudents } from "../load/students";

const EXERCISE = "12-asyncio/three-clients";
const solution = readFileSync(join(defaultCourseRoot(), EXERCISE, "solution.ts"), "utf8");
let server: LoadServer | undefined;

afterAll(async () => {
  await server?.stop();
});

interface Row {
  userId: string;
  code: string;
  status: string;
  resultJson: string;
}

describe("the server killed with SIGKILL during a stream of Submits", () => {
  it("keeps every acknowledged submission, whole, with progress that matches", async () => {
    server = await loadServer({ SUBMIT_LIMIT_PER_MINUTE: "100000" });
    await server.start();
    const url = server.url;
    const cookies = await signUpStudents(url, 3, "restart");
    const acknowledged: string[] = [];
    let sent = 0;
    let stop = false;

    async function stream(cookie: string, who: number): Promise<void> {
      for (let n = 0; !stop; n++) {
        const marker = `// restart ${who}-${n}`;
        sent++;
        try {
          const response = await fetch(`${url}/api/submit`, {
            method: "POST",
            headers: { "content-type": "application/json", cookie },
            body: JSON.stringify({ exerciseId: EXERCISE, code: `${marker}\n${solution}` }),
          });
          const body = (await response.json()) as { recorded?: string };
          if (response.status === 200 && body.recorded === "recorded") acknowledged.push(marker);
        } catch {
          return; // the server is gone: this one was never acknowledged
        }
      }
    }

    const streams = cookies.map((cookie, who) => stream(cookie, who));
    // Kill once a good number were acknowledged, with Submits still in flight.
    while (acknowledged.length < 12) await new Promise((r) => setTimeout(r, 20));
    await server.kill();
    stop = true;
    await Promise.all(streams);
    expect(sent).toBeGreaterThan(acknowledged.length);

    await server.start();
    const file = server.databaseUrl.replace(/^file:/, "");
    const sqlite = new BetterSqlite3(file, { readonly: true });
    try {
      const rows = sqlite
        .prepare(`SELECT "userId", "code", "status", "resultJson" FROM "Submission" WHERE "exerciseId" = ?`)
        .all(EXERCISE) as Row[];
      const stored = new Set(rows.map((r) => r.code.split("\n")[0]));
      for (const marker of acknowledged) expect(stored.has(marker), marker).toBe(true);
      for (const row of rows) {
        expect(row.code.endsWith(solution)).toBe(true);
        expect(JSON.parse(row.resultJson)).toMatchObject({ status: row.status, tests: expect.any(Array) });
      }
      const progress = sqlite
        .prepare(`SELECT "userId", "attempts" FROM "Progress" WHERE "exerciseId" = ?`)
        .all(EXERCISE) as { userId: string; attempts: number }[];
      for (const p of progress) {
        expect(p.attempts).toBe(rows.filter((r) => r.userId === p.userId).length);
      }
      expect(progress.reduce((sum, p) => sum + p.attempts, 0)).toBe(rows.length);
    } finally {
      sqlite.close();
    }

    // The restarted server keeps the same sessions and grades and records again.
    const again = await fetch(`${url}/api/submit`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: cookies[0]! },
      body: JSON.stringify({ exerciseId: EXERCISE, code: solution }),
    });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ ok: true, recorded: "recorded", results: { status: "pass" } });
  });
});
