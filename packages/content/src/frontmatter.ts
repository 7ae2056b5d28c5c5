/**
 * Frontmatter: the YAML block between two `---` lines at the top of a markdown file.
 *
 * Parsed with the `yaml` package and a LineCounter so that every problem points at the line of
 * the key at fault, then validated with a zod schema whose issues are rewritten into plain
 * sentences (see schema.ts). All problems of a file are returned together.
 */
import { type Document, isMap, isNode, isPair, isScalar, LineCounter, parseDocument } from "yaml";
import type { z } from "zod";
import { didYouMean } from "./did-you-mean";
import type { ContentError } from "./errors";
import type { FieldSpec } from "./schema";

export interface SplitMarkdown {
  /** The YAML text, or undefined when the file has no frontmatter. */
  yaml: string | undefined;
  /** 1-based file line of the first YAML line. */
  yamlLine: number;
  /** The markdown after the frontmatter. */
  body: string;
  /** 1-based file line where the body starts. */
  bodyLine: number;
  /** Set when an opening `---` has no closing one. */
  unclosed: boolean;
}

/** Splits a markdown file into its frontmatter YAML and its body. */
export function splitFrontmatter(source: string): SplitMarkdown {
  const text = source.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const lines = text.split("\n");
  if (lines[0]?.trimEnd() !== "---") {
    return { yaml: undefined, yamlLine: 1, body: text, bodyLine: 1, unclosed: false };
  }
  const close = lines.findIndex((line, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(line));
  if (close < 0) return { yaml: undefined, yamlLine: 2, body: text, bodyLine: 1, unclosed: true };
  return {
    yaml: lines.slice(1, close).join("\n"),
    yamlLine: 2,
    body: lines.slice(close + 1).join("\n"),
    bodyLine: close + 2,
    unclosed: false,
  };
}

export interface ParsedFrontmatter<T> {
  /** The validated data; undefined when there was any error. */
  data: T | undefined;
  body: string;
  bodyLine: number;
  /** 1-based file line of each top-level field that is present. */
  fieldLines: Record<string, number>;
  errors: ContentError[];
}

/** Splits, parses and validates a markdown file's frontmatter against `schema`. */
export function parseFrontmatter<S extends z.ZodType>(
  file: string,
  source: string,
  spec: { schema: S; fields: Record<string, FieldSpec> },
  example: string,
): ParsedFrontmatter<z.output<S>> {
  const split = splitFrontmatter(source);
  const fail = (error: ContentError): ParsedFrontmatter<z.output<S>> => ({
    data: undefined,
    body: split.body,
    bodyLine: split.bodyLine,
    fieldLines: {},
    errors: [error],
  });
  if (split.unclosed) {
    return fail({
      file,
      line: 1,
      message: "the frontmatter starts with '---' but has no closing '---' line",
    });
  }
  if (split.yaml === undefined) {
    return fail({
      file,
      line: 1,
      message: "no frontmatter at the top of the file",
      expected: example,
    });
  }

  const lineCounter = new LineCounter();
  const doc = parseDocument(split.yaml, { lineCounter, prettyErrors: true, uniqueKeys: true });
  const toFileLine = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + split.yamlLine - 1, column: col };
  };

  const syntax = doc.errors[0];
  if (syntax) {
    const at = toFileLine(syntax.pos[0]);
    const base = syntax.message.split(/ at line \d+, column \d+/)[0] ?? syntax.message;
    if (syntax.code === "DUPLICATE_KEY") return fail({ file, ...at, message: "a field is given twice" });
    const tip = QUOTE_TIP_CODES.has(syntax.code) ? " — put a value containing ': ' or ' #' in quotes" : "";
    return fail({ file, ...at, message: `YAML syntax error: ${base}${tip}` });
  }

  const value: unknown = doc.toJS() ?? {};
  if (!isMap(doc.contents) && doc.contents !== null) {
    return fail({
      file,
      line: split.yamlLine,
      message: `the frontmatter must be 'field: value' lines; got ${describe(value)}`,
      expected: example,
    });
  }

  const fieldLines: Record<string, number> = {};
  for (const key of Object.keys(spec.fields)) {
    const offset = findKeyNode(doc, key);
    if (offset !== undefined) fieldLines[key] = toFileLine(offset).line;
  }
  const result = spec.schema.safeParse(value);
  const parsed = { body: split.body, bodyLine: split.bodyLine, fieldLines };
  if (result.success) return { data: result.data, ...parsed, errors: [] };
  const errors = result.error.issues.flatMap((issue) =>
    issueToErrors(file, issue, value, doc, spec.fields, toFileLine, split.yamlLine - 1),
  );
  return { data: undefined, ...parsed, errors: tidy(errors) };
}

/** Codes yaml gives for the classic mistake `title: Threads: the basics` (an unquoted colon). */
const QUOTE_TIP_CODES = new Set(["BLOCK_AS_IMPLICIT_KEY", "MULTILINE_IMPLICIT_KEY", "UNEXPECTED_TOKEN"]);

/**
 * Sorts by position, drops exact repeats (zod may report one field twice), and drops "missing
 * required field 'title'" when an unknown field already says "did you mean 'title'?".
 */
function tidy(errors: ContentError[]): ContentError[] {
  const suggested = new Set(errors.flatMap((e) => /did you mean '([^']+)'\?$/.exec(e.message)?.[1] ?? []));
  const seen = new Set<string>();
  return errors
    .filter((e) => {
      const missing = /^missing required field '([^']+)'$/.exec(e.message)?.[1];
      const key = `${e.line}:${e.message}`;
      if ((missing && suggested.has(missing)) || seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.line - b.line || (a.column ?? 0) - (b.column ?? 0));
}

type Issue = z.core.$ZodIssue;

function issueToErrors(
  file: string,
  issue: Issue,
  value: unknown,
  doc: Document,
  fields: Record<string, FieldSpec>,
  toFileLine: (offset: number) => { line: number; column: number },
  openingLine: number,
): ContentError[] {
  const known = Object.keys(fields);
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map((key) => {
      const suggestion = didYouMean(key, known);
      const keyNode = findKeyNode(doc, key);
      return {
        file,
        ...(keyNode !== undefined ? toFileLine(keyNode) : { line: openingLine }),
        message: suggestion
          ? `unknown field '${key}' — did you mean '${suggestion}'?`
          : `unknown field '${key}'`,
        expected: `one of ${known.join(", ")}`,
      };
    });
  }

  const [field, ...rest] = issue.path.map(String);
  const spec = field === undefined ? undefined : fields[field];
  const got = getPath(value, issue.path);
  const name = [field, ...rest.map((p) => `[${p}]`)].join("");
  const node = doc.getIn(issue.path, true);
  const at = isNode(node) && node.range ? toFileLine(node.range[0]) : { line: openingLine };
  if (!spec || field === undefined) return [{ file, ...at, message: issue.message }];

  const expected = rest.length > 0 ? (spec.itemExpected ?? spec.expected) : spec.expected;
  if (got === undefined && rest.length === 0) {
    return [{ file, line: openingLine, message: `missing required field '${field}'`, expected }];
  }
  return [{ file, ...at, message: `${name}: expected ${expected}; got ${describe(got)}`, expected }];
}

/** The source offset of a top-level key, to point at the key rather than its value. */
function findKeyNode(doc: Document, key: string): number | undefined {
  if (!isMap(doc.contents)) return undefined;
  for (const pair of doc.contents.items) {
    if (isPair(pair) && isScalar(pair.key) && String(pair.key.value) === key && pair.key.range) {
      return pair.key.range[0];
    }
  }
  return undefined;
}

function getPath(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** A value as a teacher would name it: 'hrad', 42, nothing, a list of 7 items, a mapping. */
export function describe(value: unknown): string {
  if (value === null || value === undefined) return "nothing";
  if (typeof value === "string") {
    const shown = value.length > 40 ? `${value.slice(0, 37)}...` : value;
    return `'${shown}'`;
  }
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value))
    return value.length === 1 ? "a list of 1 item" : `a list of ${value.length} items`;
  if (value instanceof Date) return `the date ${value.toISOString().slice(0, 10)}`;
  return "a mapping (nested fields)";
}
