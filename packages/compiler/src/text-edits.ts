/**
 * Text edits applied in one pass over a source string, the way magic-string does it but in a few lines.
 *
 * The compiler never prints a new program from the AST: it splices small strings into the text that
 * sucrase produced, so every token stays on the line the student wrote it on. An edit never adds a
 * newline and never removes one (callers only replace keywords and same-line whitespace).
 *
 * Several edits can land on the same offset, e.g. `async () => await f()` opens the coroutine and
 * the `(yield` at the start of the body and closes both at its end. They nest like brackets: at one
 * offset, closing text comes first (innermost first), then opening text (outermost first), then a
 * replacement that starts there. Callers register edits while walking the tree outer-to-inner.
 */

/** Order of edits that share an offset: closing text, then opening text, then a replacement. */
const Rank = { Close: 0, Open: 1, Replace: 2 } as const;
type Rank = (typeof Rank)[keyof typeof Rank];

/** One edit; its `text` may be filled in after it is registered (its position in the order stays). */
export interface Edit {
  readonly start: number;
  readonly end: number;
  text: string;
  readonly rank: Rank;
  /** Registration order; closing text at one offset sorts innermost (latest) first. */
  readonly order: number;
}

export class TextEdits {
  private readonly edits: Edit[] = [];

  /** Replaces `[start, end)` with `text`. Replaced ranges must not overlap. */
  replace(start: number, end: number, text: string): Edit {
    return this.push(start, end, text, Rank.Replace);
  }

  /** Inserts text that opens a construct at `offset` (before anything that starts there). */
  open(offset: number, text: string): Edit {
    return this.push(offset, offset, text, Rank.Open);
  }

  /** Inserts text that closes a construct at `offset` (after anything that ends there). */
  close(offset: number, text: string): Edit {
    return this.push(offset, offset, text, Rank.Close);
  }

  /** Returns `source` with every edit applied. */
  apply(source: string): string {
    if (this.edits.length === 0) return source;
    const sorted = this.edits.slice().sort(compareEdits);
    let out = "";
    let cursor = 0;
    for (const edit of sorted) {
      if (edit.start > cursor) out += source.slice(cursor, edit.start);
      out += edit.text;
      if (edit.end > cursor) cursor = edit.end;
    }
    return out + source.slice(cursor);
  }

  private push(start: number, end: number, text: string, rank: Rank): Edit {
    const edit: Edit = { start, end, text, rank, order: this.edits.length };
    this.edits.push(edit);
    return edit;
  }
}

function compareEdits(a: Edit, b: Edit): number {
  if (a.start !== b.start) return a.start - b.start;
  if (a.rank !== b.rank) return a.rank - b.rank;
  return a.rank === Rank.Close ? b.order - a.order : a.order - b.order;
}
