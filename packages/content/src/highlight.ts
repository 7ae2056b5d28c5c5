/**
 * Build-time syntax highlighting with shiki: one highlighter per process, created on first use
 * (creating one costs tens of milliseconds; highlighting a block afterwards is cheap).
 *
 * Only the languages the course uses are loaded (ts, js, python, bash, json; anything else is
 * shown as plain text), with the JavaScript regex engine, so no WebAssembly has to be bundled.
 * Both themes are emitted as CSS variables (`defaultColor: false`): every token carries
 * `--shiki-light` and `--shiki-dark`, and the web app's stylesheet picks one (see CODE_THEME_CSS).
 */

import type { Element } from "hast";
import type { HighlighterCore } from "shiki/core";

export const CODE_THEMES = { light: "github-light", dark: "github-dark" } as const;

/** Languages highlighted, by every name an author may write after the fence. */
const LANGUAGE_ALIASES: Record<string, string> = {
  ts: "typescript",
  typescript: "typescript",
  js: "javascript",
  javascript: "javascript",
  py: "python",
  python: "python",
  bash: "bash",
  sh: "bash",
  shell: "bash",
  console: "bash",
  json: "json",
};

/** The stylesheet that shows the light theme, or the dark one under a `.dark` ancestor. */
export const CODE_THEME_CSS = `.shiki, .shiki span { color: var(--shiki-light); background-color: var(--shiki-light-bg); }
.dark .shiki, .dark .shiki span { color: var(--shiki-dark); background-color: var(--shiki-dark-bg); }`;

let highlighter: Promise<HighlighterCore> | undefined;

/** The process's shared highlighter, created on first call. */
export function getHighlighter(): Promise<HighlighterCore> {
  highlighter ??= createHighlighter().catch((error: unknown) => {
    highlighter = undefined; // let a later call try again
    throw error;
  });
  return highlighter;
}

async function createHighlighter(): Promise<HighlighterCore> {
  const [{ createHighlighterCore }, { createJavaScriptRegexEngine }] = await Promise.all([
    import("shiki/core"),
    import("shiki/engine/javascript"),
  ]);
  return createHighlighterCore({
    themes: [import("shiki/themes/github-light.mjs"), import("shiki/themes/github-dark.mjs")],
    langs: [
      import("shiki/langs/typescript.mjs"),
      import("shiki/langs/javascript.mjs"),
      import("shiki/langs/python.mjs"),
      import("shiki/langs/bash.mjs"),
      import("shiki/langs/json.mjs"),
    ],
    engine: createJavaScriptRegexEngine(),
  });
}

/** The highlighter's name for a fence's language, or "text" when it is not one we highlight. */
export function highlightLanguage(lang: string | undefined): string {
  return (lang && LANGUAGE_ALIASES[lang.toLowerCase()]) || "text";
}

/** A highlighted `<pre class="shiki">` element for `code`. */
export function highlightToElement(shiki: HighlighterCore, code: string, lang: string | undefined): Element {
  const root = shiki.codeToHast(code, {
    lang: highlightLanguage(lang),
    themes: CODE_THEMES,
    defaultColor: false,
  });
  const pre = root.children.find((node): node is Element => node.type === "element");
  if (!pre) throw new Error("shiki returned no <pre> element");
  return pre;
}
