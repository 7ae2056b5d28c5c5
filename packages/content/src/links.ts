/**
 * Links between course files. Authors link the way that works when browsing the repository
 * (relative to the file: `../02-threads/lesson.md`, `./lost-update/`, `#summary`); the renderer
 * turns links to modules and exercises into app routes, and `checkLinks` reports the broken
 * ones with their file and line.
 */
import { stat } from "node:fs/promises";
import path from "node:path";
import type { Heading as MdastHeading, Nodes, Root } from "mdast";
import { visit } from "unist-util-visit";
import type { ContentError } from "./errors";
import { EXERCISE_FOLDER, MODULE_FOLDER } from "./schema";
import { Slugger } from "./slug";
import type { Course } from "./types";

/** What a link in a course file points at. */
export type LinkTarget =
  | { kind: "external" }
  | { kind: "anchor"; anchor: string }
  | { kind: "module" | "exercise"; id: string; anchor: string | undefined }
  | { kind: "file"; path: string }
  | { kind: "outside" };

/** Classifies `href` as written in the markdown file `fromFile` of the course at `root`. */
export function resolveCourseLink(href: string, fromFile: string, root: string): LinkTarget {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith("/")) return { kind: "external" };
  const hash = href.indexOf("#");
  const anchor = hash >= 0 ? safeDecode(href.slice(hash + 1)) : undefined;
  const target = safeDecode((hash >= 0 ? href.slice(0, hash) : href).replace(/\?.*$/, ""));
  if (target === "") return { kind: "anchor", anchor: anchor ?? "" };
  const absolute = path.resolve(path.dirname(fromFile), target);
  const relative = path.relative(root, absolute).split(path.sep).join("/");
  if (relative === "" || relative.startsWith("..") || path.isAbsolute(relative)) return { kind: "outside" };
  const parts = relative.split("/");
  if (parts.length === 2 && parts[1] === "lesson.md") parts.pop();
  if (parts.length === 3 && parts[2] === "README.md") parts.pop();
  if (parts.length === 1 && MODULE_FOLDER.test(parts[0]!)) return { kind: "module", id: parts[0]!, anchor };
  if (parts.length === 2 && MODULE_FOLDER.test(parts[0]!) && EXERCISE_FOLDER.test(parts[1]!)) {
    return { kind: "exercise", id: parts.join("/"), anchor };
  }
  return { kind: "file", path: absolute };
}

/** The app route for a module or exercise link: `${prefix}${id}` plus its #anchor. */
export function courseLinkHref(target: { id: string; anchor: string | undefined }, prefix: string): string {
  return `${prefix}${target.id}${target.anchor ? `#${encodeURIComponent(target.anchor)}` : ""}`;
}

interface Doc {
  file: string;
  markdown: string;
  /** File line where `markdown` starts. */
  line: number;
}

/**
 * Every broken link in the course's lessons and prompts: a missing module, exercise, file or
 * heading (#anchor), or a path that leaves the course folder. External links are not fetched.
 */
export async function checkLinks(course: Course): Promise<ContentError[]> {
  const parse = await getParser();
  const docs: Doc[] = course.modules.flatMap((m) => [
    { file: m.lesson.path, markdown: m.lesson.markdown, line: m.lesson.markdownLine },
    ...m.exercises.map((e) => ({ file: e.files.readme, markdown: e.prompt, line: e.promptLine })),
  ]);
  const byFile = new Map(docs.map((d) => [d.file, d]));
  const slugCache = new Map<string, Set<string>>();
  const slugsOf = (doc: Doc) => {
    let slugs = slugCache.get(doc.file);
    if (!slugs) slugCache.set(doc.file, (slugs = headingSlugs(parse(doc.markdown))));
    return slugs;
  };
  const targetDoc = (target: { kind: "module" | "exercise"; id: string }) =>
    byFile.get(path.join(course.root, target.id, target.kind === "module" ? "lesson.md" : "README.md"));

  const errors: ContentError[] = [];
  for (const doc of docs) {
    for (const link of links(parse(doc.markdown))) {
      const at = { file: doc.file, line: link.line + doc.line - 1, column: link.column };
      const target = resolveCourseLink(link.url, doc.file, course.root);
      const problem = await linkProblem(target, doc, targetDoc, slugsOf);
      if (problem) errors.push({ ...at, message: `broken link '${link.url}': ${problem}` });
    }
  }
  return errors;
}

async function linkProblem(
  target: LinkTarget,
  doc: Doc,
  targetDoc: (target: { kind: "module" | "exercise"; id: string }) => Doc | undefined,
  slugsOf: (doc: Doc) => Set<string>,
): Promise<string | undefined> {
  switch (target.kind) {
    case "external":
      return undefined;
    case "outside":
      return "it points outside the course folder";
    case "anchor":
      return slugsOf(doc).has(target.anchor) ? undefined : `no heading here has the id '${target.anchor}'`;
    case "file":
      return (await stat(target.path).catch(() => undefined)) ? undefined : "no such file";
    default: {
      const found = targetDoc(target);
      if (!found) return `no ${target.kind} '${target.id}' in the course`;
      if (target.anchor && !slugsOf(found).has(target.anchor)) {
        return `${target.id} has no heading with the id '${target.anchor}'`;
      }
      return undefined;
    }
  }
}

type Parse = (markdown: string) => Root;
let parser: Promise<Parse> | undefined;

/** A markdown parser (remark + GFM), imported on first use to keep this package cheap to import. */
function getParser(): Promise<Parse> {
  parser ??= Promise.all([import("unified"), import("remark-parse"), import("remark-gfm")]).then(
    ([{ unified }, { default: remarkParse }, { default: remarkGfm }]) => {
      const processor = unified().use(remarkParse).use(remarkGfm).freeze();
      return (markdown: string) => processor.runSync(processor.parse(markdown)) as Root;
    },
  );
  return parser;
}

function links(tree: Root): { url: string; line: number; column: number }[] {
  const found: { url: string; line: number; column: number }[] = [];
  visit(tree, (node) => {
    if ((node.type === "link" || node.type === "definition" || node.type === "image") && node.position) {
      // GFM autolinks ("https://...") are links too, but always external.
      found.push({ url: node.url, line: node.position.start.line, column: node.position.start.column });
    }
  });
  return found;
}

/** The ids the renderer gives this document's headings (same text rules, same slugger). */
function headingSlugs(tree: Root): Set<string> {
  const slugger = new Slugger();
  const slugs = new Set<string>();
  visit(tree, "heading", (node: MdastHeading) => {
    slugs.add(slugger.slug(plainText(node).trim()));
  });
  return slugs;
}

/** A heading's text as the rendered page shows it: raw HTML tags and images contribute nothing. */
function plainText(node: Nodes): string {
  if (node.type === "text" || node.type === "inlineCode") return node.value;
  if (node.type === "html" || node.type === "image") return "";
  return "children" in node ? node.children.map((child) => plainText(child as Nodes)).join("") : "";
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
