import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, newGuardedPage } from "./browser";
import { type AppServer, startServer } from "./server";

let server: AppServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("home page", () => {
  it("shows the course map, with no request leaving this machine", async () => {
    const { page, offsite, errors } = await newGuardedPage(browser);
    await page.goto(server.url);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toMatch(/concurrency/i);
    await expect(page.getByRole("heading", { name: "The course" }).isVisible()).resolves.toBe(true);
    await page.waitForLoadState("networkidle");
    expect(offsite).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("has a skip link that is the first thing the keyboard reaches", async () => {
    const { page } = await newGuardedPage(browser);
    await page.goto(server.url);
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => document.activeElement?.textContent);
    expect(focused).toBe("Skip to content");
  });

  it("remembers the dark theme across a reload, without a flash of the light one", async () => {
    const { page } = await newGuardedPage(browser);
    await page.goto(server.url);
    const toggle = page.getByRole("button", { name: "Dark theme" });
    await toggle.click();
    await expect(toggle.getAttribute("aria-pressed")).resolves.toBe("true");
    // With the app's JavaScript bundles blocked, only the inline head script can set the theme:
    // if the reload is dark, the first paint was dark too.
    await page.route("**/_next/static/chunks/**", (route) => route.abort());
    await page.reload();
    await expect(page.evaluate(() => document.documentElement.className)).resolves.toContain("dark");
    await page.unroute("**/_next/static/chunks/**");
    await page.reload();
    await toggle.click();
    await page.reload();
    await expect(page.evaluate(() => document.documentElement.className)).resolves.not.toContain("dark");
  });

  it("is usable at 360 px wide: nothing overflows sideways", async () => {
    const { page } = await newGuardedPage(browser, { width: 360, height: 740 });
    await page.goto(server.url);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
