/**
 * Debian's chromium driven by playwright-core (never a downloaded browser), headless, with the
 * flags that keep it off the network, and a page that fails the test on any request that would
 * leave the loopback interface.
 */
import { type Browser, chromium, type Page } from "playwright-core";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Launches headless chromium with a fresh, temporary profile. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
}

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** True for URLs that stay on this machine (loopback, data:, blob:). */
export function isLocal(url: string): boolean {
  const parsed = new URL(url);
  if (parsed.protocol === "data:" || parsed.protocol === "blob:") return true;
  return LOOPBACK.has(parsed.hostname) || parsed.hostname.startsWith("127.");
}

export interface GuardedPage {
  page: Page;
  /** URLs the page tried to reach off this machine (each was aborted). */
  offsite: string[];
  /** Uncaught errors and console errors in the page. */
  errors: string[];
}

/** A new page (in its own context) whose non-loopback requests are aborted and recorded. */
export async function newGuardedPage(
  browser: Browser,
  viewport = { width: 1280, height: 900 },
): Promise<GuardedPage> {
  const context = await browser.newContext({ viewport });
  const offsite: string[] = [];
  const errors: string[] = [];
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (isLocal(url)) return route.continue();
    offsite.push(url);
    return route.abort("blockedbyclient");
  });
  const page = await context.newPage();
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  return { page, offsite, errors };
}
