import { fileURLToPath } from "node:url";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it, vi } from "vitest";

let html: string;

beforeAll(async () => {
  vi.stubEnv("INTERLEAVE_COURSE_ROOT", fileURLToPath(new URL("../lib/__fixtures__/course", import.meta.url)));
  const { default: HomePage } = await import("./page");
  html = renderToStaticMarkup(await HomePage());
});

describe("home page", () => {
  it("lists the course's modules in order, each linking to its lesson", () => {
    const processes = html.indexOf('href="/learn/01-processes"');
    const asyncio = html.indexOf('href="/learn/12-asyncio"');
    expect(processes).toBeGreaterThan(0);
    expect(asyncio).toBeGreaterThan(processes);
  });

  it("lists every exercise with a link and its difficulty", () => {
    expect(html).toContain('href="/learn/12-asyncio/three-clients"');
    expect(html).toContain('href="/learn/12-asyncio/gather-results"');
    expect(html).toMatch(/three clients<\/a><span[^>]*>easy<\/span>/);
  });

  it("shows modules the course plans but has not written yet as in preparation", () => {
    expect(html).toContain("In preparation");
    expect(html).toContain(">The GIL<");
    expect(html).not.toMatch(/In preparation<\/p><h3[^>]*>Processes</);
  });
});
