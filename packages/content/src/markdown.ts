/**
 * Markdown to safe, highlighted HTML for lessons and prompts.
 *
 * Pipeline (unified): remark-parse + remark-gfm -> mark runnable fences -> remark-rehype ->
 * rehype-raw (so raw HTML is parsed, not passed through) -> rehype-sanitize -> heading ids ->
 * shiki highlighting and Run wrappers -> rehype-stringify.
 *
 * Sanitising comes before highlighting on purpose, as rehype-sanitize's own docs advise: the
 * schema (GitHub's) judges only what the author wrote, and our trusted steps run afterwards, so
 * the schema need not allow `style` (shiki's colours) to every author's HTML. The one addition
 * to GitHub's schema is `data-run` on `<code>`, which carries a runnable fence's id through the
 * sanitiser; an author who forges it in raw HTML gets a plain code block.
 *
 * A fence is runnable when its info string is `ts run` (or typescript/js/javascript + run). It is
 * rendered as `<div class="runnable" data-runnable="run-1"><pre class="shiki">...</pre></div>`,
 * and listed in `codeBlocks` with its source, so the web app can attach a Run button.
 *
 * Results are cached by source text (never by file name, so an edited lesson is re-rendered on
 * the next request); a cached result is frozen and shared, so callers must not mutate it.
 */
import type { Element, ElementContent, Root as HastRoot } from "hast";
import { toString as hastToString } from "hast-util-to-string";
import type { Code, Root as MdastRoot } from "mdast";
import type { HighlighterCore } from "shiki/core";
import { SKIP, visit } from "unist-util-visit";
import type { VFile } from "vfile";
import { getHighlighter, highlightLanguage, highlightToElement } from "./highlight";
import { courseLinkHref, resolveCourseLink } from "./links";
import { Slugger } from "./slug";

export interface RenderOptions {
  /** Mark `ts run` fences as runnable (default true); when false they render as plain code. */
  runnable?: boolean;
  /**
   * Where the markdown comes from, so that relative links to other modules and exercises
   * (`../02-threads/lesson.md`, `./lost-update/`) become app routes: `${prefix}${id}#anchor`.
   * Other links are left as written.
   */
  links?: { file: string; root: string; prefix?: string };
}

export interface Heading {
  depth: 1 | 2 | 3 | 4 | 5 | 6;
  /** The heading's plain text. */
  text: string;
  /** The slug used as the heading's id attribute. */
  id: string;
}

export interface RunnableBlock {
  /** "run-1", "run-2", ... in document order; also the wrapper's data-runnable value. */
  id: string;
  lang: "ts" | "js";
  source: string;
}

/** A render's result; shared through the cache, so it is frozen. */
export interface RenderedMarkdown {
  readonly html: string;
  /** Every heading in document order, for a table of contents. */
  readonly headings: readonly Heading[];
  /** The runnable code blocks in document order. */
  readonly codeBlocks: readonly RunnableBlock[];
}

/** The attribute on the wrapper of a runnable block; its value is the block's id. */
export const RUNNABLE_ATTRIBUTE = "data-runnable";

const RUN_LANGS: Record<string, RunnableBlock["lang"]> = {
  ts: "ts",
  typescript: "ts",
  js: "js",
  javascript: "js",
};

interface RenderData {
  runnable: boolean;
  links: { file: string; root: string; prefix: string } | undefined;
  codeBlocks: RunnableBlock[];
  headings: Heading[];
}

/**
 * Renders markdown to sanitised HTML with highlighted code, heading ids and runnable blocks.
 * @example const { html, headings, codeBlocks } = await renderMarkdown(lesson.markdown)
 */
export async function renderMarkdown(source: string, options: RenderOptions = {}): Promise<RenderedMarkdown> {
  const runnable = options.runnable ?? true;
  const links = options.links && { prefix: "/learn/", ...options.links };
  const linkKey = links ? `${links.file}\0${links.root}\0${links.prefix}` : "";
  const key = `${runnable ? "run" : "static"}\0${linkKey}\0${source}`;
  const cached = cache.get(key);
  if (cached) {
    cache.delete(key); // move to the most recently used end
    cache.set(key, cached);
    return cached;
  }
  const processor = await getProcessor();
  const data: RenderData = { runnable, links, codeBlocks: [], headings: [] };
  const file = await processor.process({ value: source, data: { render: data } });
  const result = deepFreeze({ html: String(file), headings: data.headings, codeBlocks: data.codeBlocks });
  cache.set(key, result);
  if (cache.size > CACHE_ENTRIES) cache.delete(cache.keys().next().value as string);
  return result;
}

/** Enough for every lesson and prompt of the course, in both modes, with room to spare. */
const CACHE_ENTRIES = 256;
const cache = new Map<string, RenderedMarkdown>();

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object") {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

function renderData(file: VFile): RenderData {
  return file.data.render as RenderData;
}

let processor: ReturnType<typeof buildProcessor> | undefined;

function getProcessor() {
  processor ??= buildProcessor().catch((error: unknown) => {
    processor = undefined; // let a later call try again
    throw error;
  });
  return processor;
}

/**
 * The processor, built once. The unified/rehype/shiki modules are imported here rather than at
 * the top, so that importing this package (the CLI does, to load the course) stays cheap.
 */
async function buildProcessor() {
  const [
    shiki,
    { unified },
    { default: remarkParse },
    { default: remarkGfm },
    { default: remarkRehype },
    { default: rehypeRaw },
    { default: rehypeSanitize, defaultSchema },
    { default: rehypeStringify },
  ] = await Promise.all([
    getHighlighter(),
    import("unified"),
    import("remark-parse"),
    import("remark-gfm"),
    import("remark-rehype"),
    import("rehype-raw"),
    import("rehype-sanitize"),
    import("rehype-stringify"),
  ]);
  const schema = {
    ...defaultSchema,
    attributes: { ...defaultSchema.attributes, code: [...(defaultSchema.attributes?.code ?? []), "dataRun"] },
  };
  return (
    unified()
      .use(remarkParse)
      .use(remarkGfm)
      .use(remarkRunnable)
      .use(remarkCourseLinks)
      // No prefix here: the sanitiser prefixes every id once ("user-content-fn-1"), see rehypeFragmentLinks.
      .use(remarkRehype, { allowDangerousHtml: true, clobberPrefix: "" })
      .use(rehypeRaw)
      .use(rehypeSanitize, schema)
      .use(rehypeHeadingIds)
      .use(rehypeFragmentLinks)
      .use(rehypeHighlight, shiki)
      .use(rehypeStringify)
      .freeze()
  );
}

/** Gives each runnable fence an id, carried on its `<code>` as data-run. */
function remarkRunnable() {
  return (tree: MdastRoot, file: VFile) => {
    const data = renderData(file);
    if (!data.runnable) return;
    visit(tree, "code", (node: Code) => {
      const lang = RUN_LANGS[node.lang?.toLowerCase() ?? ""];
      if (!lang || !(node.meta ?? "").split(/\s+/).includes("run")) return;
      const id = `run-${data.codeBlocks.length + 1}`;
      data.codeBlocks.push({ id, lang, source: node.value });
      node.data = { ...node.data, hProperties: { ...node.data?.hProperties, dataRun: id } };
    });
  };
}

/** Rewrites relative links to modules and exercises into app routes (see RenderOptions.links). */
function remarkCourseLinks() {
  return (tree: MdastRoot, file: VFile) => {
    const { links } = renderData(file);
    if (!links) return;
    visit(tree, (node) => {
      if (node.type !== "link" && node.type !== "definition") return;
      const target = resolveCourseLink(node.url, links.file, links.root);
      if (target.kind === "module" || target.kind === "exercise")
        node.url = courseLinkHref(target, links.prefix);
    });
  };
}

/**
 * Sets a stable slug id on every heading (replacing any id an author wrote) and lists them;
 * the footnotes section's own hidden heading keeps its id and stays out of the list.
 */
function rehypeHeadingIds() {
  return (tree: HastRoot, file: VFile) => {
    const slugger = new Slugger();
    const { headings } = renderData(file);
    visit(tree, "element", (node: Element) => {
      if (node.tagName === "section" && node.properties.dataFootnotes !== undefined) return SKIP;
      const depth = /^h([1-6])$/.exec(node.tagName)?.[1];
      if (!depth) return;
      const text = hastToString(node).trim();
      const id = slugger.slug(text);
      node.properties.id = id;
      headings.push({ depth: Number(depth) as Heading["depth"], text, id });
    });
  };
}

/**
 * The sanitiser prefixes ids ("fn-1" -> "user-content-fn-1") so an author's HTML cannot clobber
 * page globals; this points `#fn-1` links (footnotes, an author's own anchors) at the new ids.
 */
function rehypeFragmentLinks() {
  return (tree: HastRoot) => {
    const ids = new Set<string>();
    visit(tree, "element", (node: Element) => {
      if (typeof node.properties.id === "string") ids.add(node.properties.id);
    });
    visit(tree, "element", (node: Element) => {
      const href = node.properties.href;
      if (node.tagName !== "a" || typeof href !== "string" || !href.startsWith("#")) return;
      const target = safeDecode(href.slice(1));
      if (!ids.has(target) && ids.has(`user-content-${target}`))
        node.properties.href = `#user-content-${target}`;
    });
  };
}

/** Replaces each `<pre><code>` with shiki's highlighted `<pre>`, wrapping runnable ones. */
function rehypeHighlight(shiki: HighlighterCore) {
  return (tree: HastRoot, file: VFile) => {
    const expected = new Set(renderData(file).codeBlocks.map((b) => b.id));
    visit(tree, "element", (node: Element, index, parent) => {
      if (node.tagName !== "pre" || !parent || index === undefined) return;
      const code = node.children.find((c): c is Element => c.type === "element" && c.tagName === "code");
      if (!code) return;
      const className = code.properties.className;
      const classes = Array.isArray(className) ? className.map(String) : [];
      const lang = classes.find((c) => c.startsWith("language-"))?.slice("language-".length);
      const text = hastToString(code).replace(/\n$/, "");
      const pre = highlightToElement(shiki, text, lang);
      pre.properties.dataLang = highlightLanguage(lang);
      const runId = typeof code.properties.dataRun === "string" ? code.properties.dataRun : undefined;
      let replacement: ElementContent = pre;
      if (runId && expected.delete(runId)) {
        replacement = {
          type: "element",
          tagName: "div",
          properties: { className: ["runnable"], [toProperty(RUNNABLE_ATTRIBUTE)]: runId },
          children: [pre],
        };
      }
      parent.children[index] = replacement;
      return SKIP;
    });
  };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** "data-runnable" -> "dataRunnable", hast's property name for the attribute. */
function toProperty(attribute: string): string {
  return attribute.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
}
