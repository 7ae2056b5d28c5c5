/**
 * What one request of each kind costs the server's main thread: `npx tsx load/request-cost.ts
 * [rounds]` (from apps/web, after a production build). A server on a fresh database answers, one
 * kind at a time, health polls, pages, Submits refused as invalid (400), graded Submits of typical
 * exercises (a few concurrently, so some are refused as busy), and Submits refused as busy while
 * endless loops fill the queue; the main thread's CPU time is read from /proc before and after
 * each. The load run gives the whole; this tells a refusal's cost from a grading's. The first
 * round includes warming up: read the later ones. CPU time, not wall time, but still shared
 * cores: give the spread of several rounds and the load average.
 */
import { loadavg } from "node:os";
import { coursePrograms, HOSTILE } from "./programs";
import { PAGES } from "./scenario";
import { loadServer } from "./server";
import { signUpStudents } from "./students";

const rounds = Number(process.argv[2] ?? "2");
/** Exercises slow to grade (schedule exploration, child processes): left out of the typical ones. */
const SLOW = /lost-update|dining|guard-the-main|predict-the-speedup|render-with/;

const server = await loadServer({ SUBMIT_LIMIT_PER_MINUTE: "1000000" });
await server.start();
try {
  const { url } = server;
  const cookies = await signUpStudents(url, 8);
  const programs = coursePrograms();
  const typical = programs.solution.filter((p) => !SLOW.test(p.exerciseId));

  const status = async (path: string, init?: RequestInit): Promise<number> => {
    const response = await fetch(url + path, init);
    await response.arrayBuffer();
    return response.status;
  };
  const submit = (i: number, body: unknown) =>
    status("/api/submit", {
      method: "POST",
      headers: { "content-type": "application/json", cookie: cookies[i % cookies.length] ?? "" },
      body: JSON.stringify(body),
    });
  const typicalSubmit = (i: number) => {
    const program = typical[i % typical.length]!;
    return submit(i, { exerciseId: program.exerciseId, code: program.code });
  };

  /** Sends `n` requests, `concurrency` at a time; prints the main thread's CPU per request. */
  async function measure(kind: string, n: number, concurrency: number, one: (i: number) => Promise<number>) {
    const before = server.cpu();
    const statuses: Record<number, number> = {};
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < n) {
          const answered = await one(next++);
          statuses[answered] = (statuses[answered] ?? 0) + 1;
        }
      }),
    );
    const after = server.cpu();
    const perRequest = (seconds: number) => ((1000 * seconds) / n).toFixed(2);
    console.log(
      `${kind.padEnd(8)} main thread ${perRequest(after.mainThreadS - before.mainThreadS)} ms/request ` +
        `(all threads ${perRequest(after.totalS - before.totalS)}) answers ${JSON.stringify(statuses)}`,
    );
  }

  await measure("warm-up", 60, 4, typicalSubmit);
  for (let round = 1; round <= rounds; round++) {
    console.log(`round ${round}, load average ${loadavg()[0]?.toFixed(2)}`);
    await measure("health", 300, 2, () => status("/api/health"));
    await measure("page", 200, 1, (i) =>
      status(PAGES[i % PAGES.length]!, { headers: { cookie: cookies[0]! } }),
    );
    await measure("invalid", 300, 2, (i) => submit(i, { exerciseId: "00-none/nothing", code: "x" }));
    await measure("graded", 150, 3, typicalSubmit);
    // Endless loops fill the queue (each run stops at its deadline); Submits meanwhile are refused.
    const hogs = Array.from({ length: 8 }, (_, i) =>
      submit(i, { exerciseId: programs.solution[i]!.exerciseId, code: HOSTILE[0] }),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    await measure("busy", 300, 4, typicalSubmit);
    await Promise.all(hogs);
  }
} finally {
  await server.stop();
}
