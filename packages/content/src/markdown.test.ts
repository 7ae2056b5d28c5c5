import { describe, expect, it } from "vitest";
import { RUNNABLE_ATTRIBUTE, renderMarkdown } from "./markdown";

describe("renderMarkdown: GitHub-flavoured markdown", () => {
  it("renders tables and task lists", async () => {
    const { html } = await renderMarkdown("| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] done\n- [ ] todo\n");
    expect(html).toContain("<table>");
    expect(html).toContain("<th>a</th>");
    expect(html).toContain("<td>2</td>");
    expect(html).toContain('<li class="task-list-item"><input type="checkbox" checked disabled> done</li>');
    expect(html).toContain('<li class="task-list-item"><input type="checkbox" disabled> todo</li>');
  });

  it("keeps the harmless HTML GitHub allows, such as details and kbd", async () => {
    const { html } = await renderMarkdown(
      "<details><summary>Answer</summary>Press <kbd>Enter</kbd></details>",
    );
    expect(html).toContain("<details><summary>Answer</summary>Press <kbd>Enter</kbd></details>");
  });

  it("links footnote references to their notes", async () => {
    const { html } = await renderMarkdown("A claim[^1].\n\n[^1]: The source.\n");
    expect(html).toContain('href="#user-content-fn-1"');
    expect(html).toContain('id="user-content-fn-1"');
    expect(html).toContain('href="#user-content-fnref-1"');
    expect(html).toContain('id="user-content-fnref-1"');
  });
});

describe("renderMarkdown: headings", () => {
  it("gives headings stable slug ids, unique within the page, and lists them", async () => {
    const source = "# Threads\n\n## Why `threading.Lock`?\n\n## Summary\n\n### Summary\n\n## Über Ünïcode\n";
    const { html, headings } = await renderMarkdown(source);
    expect(headings).toEqual([
      { depth: 1, text: "Threads", id: "threads" },
      { depth: 2, text: "Why threading.Lock?", id: "why-threadinglock" },
      { depth: 2, text: "Summary", id: "summary" },
      { depth: 3, text: "Summary", id: "summary-1" },
      { depth: 2, text: "Über Ünïcode", id: "über-ünïcode" },
    ]);
    expect(html).toContain('<h2 id="why-threadinglock">Why <code>threading.Lock</code>?</h2>');
    expect(html).toContain('<h3 id="summary-1">Summary</h3>');
  });

  it("gives the same ids on every render", async () => {
    const source = "## A\n\n## A\n";
    expect((await renderMarkdown(source)).html).toBe((await renderMarkdown(source)).html);
  });

  it("keeps the footnotes' hidden heading out of the table of contents", async () => {
    const { headings } = await renderMarkdown("## Notes\n\nText[^a].\n\n[^a]: A note.\n");
    expect(headings.map((h) => h.text)).toEqual(["Notes"]);
  });
});

describe("renderMarkdown: code", () => {
  it("highlights ts, python, bash and json with both themes as CSS variables", async () => {
    for (const lang of ["ts", "typescript", "js", "python", "py", "bash", "sh", "json"]) {
      const { html } = await renderMarkdown(`\`\`\`${lang}\nconst x = 1\n\`\`\`\n`);
      expect(html, lang).toMatch(/^<pre class="shiki shiki-themes github-light github-dark"/);
      expect(html, lang).toMatch(/<span style="--shiki-light:#[0-9A-Fa-f]{6};--shiki-dark:#[0-9A-Fa-f]{6}">/);
    }
    const { html } = await renderMarkdown("```python\nimport asyncio\n```\n");
    expect(html).toContain('data-lang="python"');
    expect(html).toContain('<span style="--shiki-light:#D73A49;--shiki-dark:#F97583">import</span>');
  });

  it("shows an unknown language as plain text, escaped", async () => {
    const { html } = await renderMarkdown('```rust"><script>\nfn main() { "<script>" }\n```\n');
    expect(html).toContain('data-lang="text"');
    expect(html).toContain('fn main() { "&#x3C;script>" }');
    expect(html).not.toContain("<script>");
  });

  it("marks `ts run` fences as runnable, keeps them highlighted, and lists their source", async () => {
    const source = [
      "```ts run",
      'print("one");',
      "```",
      "",
      "```ts",
      "const notRunnable = 1;",
      "```",
      "",
      "```typescript run",
      'print("two");',
      "```",
    ].join("\n");
    const { html, codeBlocks } = await renderMarkdown(source);
    expect(codeBlocks).toEqual([
      { id: "run-1", lang: "ts", source: 'print("one");' },
      { id: "run-2", lang: "ts", source: 'print("two");' },
    ]);
    expect(html).toMatch(
      new RegExp(
        `^<div class="runnable" ${RUNNABLE_ATTRIBUTE}="run-1"><pre class="shiki[^"]*"[^>]*><code><span`,
      ),
    );
    expect(html).toContain(`<div class="runnable" ${RUNNABLE_ATTRIBUTE}="run-2">`);
    expect(html.match(/class="runnable"/g)).toHaveLength(2);
    expect(html).not.toContain("data-run=");
  });

  it("renders runnable fences as plain code when runnable is false", async () => {
    const { html, codeBlocks } = await renderMarkdown("```ts run\nprint(1);\n```\n", { runnable: false });
    expect(codeBlocks).toEqual([]);
    expect(html).not.toContain("runnable");
    expect(html).toMatch(/^<pre class="shiki/);
  });

  it("does not let raw HTML forge a runnable block", async () => {
    const { html, codeBlocks } = await renderMarkdown('<pre><code data-run="run-1">evil()</code></pre>\n');
    expect(codeBlocks).toEqual([]);
    expect(html).not.toContain("runnable");
  });
});

describe("renderMarkdown: sanitising raw HTML", () => {
  const hostile = [
    "<script>alert(1)</script>",
    '<img src="x.png" onerror="alert(1)">',
    '<a href="javascript:alert(1)">click</a>',
    '<svg onload="alert(1)"><circle /></svg>',
    '<iframe src="https://example.com"></iframe>',
    '<p style="position:fixed;inset:0">cover</p>',
    '<div onclick="alert(1)" class="runnable">x</div>',
    '<form action="https://example.com"><input name="q"></form>',
    "<style>body{display:none}</style>",
    '<object data="x.swf"></object>',
    "[markdown link](javascript:alert(1)) and [encoded](jav&#x09;ascript:alert(1))",
    '<a href="jav&#x09;ascript:alert(1)">tab</a> <a href="data:text/html,<script>alert(1)</script>">data</a>',
    "<img src=x onerror=alert(1)//",
    '<math><mi xlink:href="javascript:alert(1)">m</mi></math>',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<meta http-equiv="refresh" content="0;url=https://example.com">',
    '<base href="https://example.com/">',
  ].join("\n\n");

  it("never lets a script, an event handler or a javascript: link through", async () => {
    const { html } = await renderMarkdown(hostile);
    expect(html).not.toMatch(/<script|<iframe|<svg|<style|<object|<form|<meta|<base|javascript:|data:/i);
    // No tag keeps an event handler or a style attribute (text that merely reads "onerror=" is fine).
    expect(html).not.toMatch(/<[^>]*\s(on\w+|style)\s*=/i);
    expect(html).toContain("<p>&#x3C;img src=x onerror=alert(1)//</p>");
    expect(html).toContain('<img src="x.png">');
    expect(html).toContain("<a>click</a>");
  });

  it("prefixes ids an author writes, so they cannot clobber page globals", async () => {
    const { html } = await renderMarkdown('<p id="location" name="x">text</p>');
    expect(html).toContain('<p id="user-content-location" name="user-content-x">text</p>');
  });
});

describe("renderMarkdown: caching", () => {
  it("re-renders changed text and returns frozen results", async () => {
    const first = await renderMarkdown("# One\n");
    expect(Object.isFrozen(first) && Object.isFrozen(first.headings)).toBe(true);
    expect(await renderMarkdown("# One\n")).toBe(first);
    expect((await renderMarkdown("# Two\n")).headings[0]?.text).toBe("Two");
    expect((await renderMarkdown("# One\n", { runnable: false })).html).toBe(first.html);
  });
});
