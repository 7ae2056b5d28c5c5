/**
 * Security headers on the production build, and proof that the Content Security Policy allows
 * what the exercise page needs and nothing it does not: Monaco (served from this origin) loads
 * and its TypeScript worker reports errors, the sandbox's worker compiles QuickJS's WebAssembly
 * and runs a program, and the page reports no CSP violation.
 */
import { describe, expect, it } from "vitest";
import {
  builtCourse,
  editorReady,
  exerciseFile,
  findExercise,
  openPage,
  setEditorText,
  startSession,
} from "./session";

const course = await builtCourse();
const session = startSession(course);
const EXERCISE = "12-asyncio/three-clients";
const exercise = findExercise(course, EXERCISE);

declare global {
  interface Window {
    cspViolations?: string[];
  }
}

describe("security headers", () => {
  it("sends a CSP and the usual hardening headers on pages, routes and static files", async () => {
    const html = await fetch(`${session.server.url}/`);
    const body = await html.text();
    const script = body.match(/src="(\/_next\/static\/[^"]+\.js)"/)?.[1];
    expect(script).toBeDefined();
    const responses = [
      html,
      await fetch(`${session.server.url}/api/progress`),
      await fetch(`${session.server.url}${script}`),
    ];
    for (const response of responses) {
      const csp = response.headers.get("content-security-policy") ?? "";
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("'wasm-unsafe-eval'");
      expect(csp).not.toContain("'unsafe-eval'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("x-frame-options")).toBe("DENY");
      expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
      expect(response.headers.get("x-powered-by")).toBeNull();
    }
  });
});

describe.skipIf(!exercise)("the exercise page under the CSP", () => {
  it("loads Monaco, type-checks, runs a program in the WebAssembly sandbox, with no violation", async () => {
    const { page, done, errors } = await openPage(session, "/");
    await page.addInitScript(() => {
      window.cspViolations = [];
      document.addEventListener("securitypolicyviolation", (event) => {
        window.cspViolations?.push(`${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    await page.goto(`${session.server.url}/learn/${EXERCISE}`);
    await editorReady(page);

    // Monaco's TypeScript worker runs (a worker from this origin).
    await setEditorText(page, 'import { asyncio } from "interleave";\nasyncio.sleeep(1);\n');
    await page.waitForFunction(
      () => (window.interleaveMarkers?.() ?? []).some((m) => m.includes("sleeep")),
      null,
      { timeout: 30_000 },
    );

    // Run: the sandbox's worker instantiates QuickJS's WebAssembly and runs the program.
    await setEditorText(page, exerciseFile(course, EXERCISE, "solution.ts"));
    await page.getByRole("button", { name: "Run" }).click();
    const output = page.getByRole("region", { name: "Output" });
    await output
      .locator("[data-run-status]")
      .filter({ hasText: /^Finished/ })
      .waitFor({ timeout: 30_000 });
    expect(await output.textContent()).toContain("client 1 connected");

    expect(await page.evaluate(() => window.cspViolations)).toEqual([]);
    expect(errors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
    done();

    // The listener above does see violations: a script from anywhere but this origin is refused.
    await page.evaluate(() => {
      const script = document.createElement("script");
      script.src = "data:text/javascript,window.injected=1";
      document.body.append(script);
    });
    await page.waitForFunction(() => (window.cspViolations?.length ?? 0) > 0);
    expect(await page.evaluate(() => window.cspViolations)).toEqual([expect.stringMatching(/^script-src/)]);
    expect(await page.evaluate(() => "injected" in window)).toBe(false);
  });
});
