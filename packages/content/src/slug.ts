/**
 * Heading slugs in GitHub's style ("Why threads?" -> "why-threads"), made unique within one
 * document by a numeric suffix ("summary", "summary-1", ...), so links and a table of contents
 * stay stable as long as the heading text does.
 */
export class Slugger {
  private readonly seen = new Map<string, number>();

  /** A unique slug for `text` within this slugger's document. */
  slug(text: string): string {
    const base =
      text
        .toLowerCase()
        .trim()
        .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "")
        .replace(/ /g, "-") || "section";
    let slug = base;
    while (this.seen.has(slug)) {
      const count = (this.seen.get(base) ?? 0) + 1;
      this.seen.set(base, count);
      slug = `${base}-${count}`;
    }
    this.seen.set(slug, 0);
    return slug;
  }
}
