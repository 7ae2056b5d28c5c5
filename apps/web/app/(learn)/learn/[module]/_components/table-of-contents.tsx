import type { Heading } from "@interleave/content";

function Entries({ headings }: { headings: readonly Heading[] }) {
  return (
    <ol className="space-y-1 text-sm">
      {headings.map((h) => (
        <li key={h.id} className={h.depth === 3 ? "pl-4" : undefined}>
          <a href={`#${h.id}`} className="text-slate-700 hover:underline dark:text-slate-300">
            {h.text}
          </a>
        </li>
      ))}
    </ol>
  );
}

/** The lesson's sections (h2 and h3) as in-page links; collapsible on narrow screens. */
export function TableOfContents({
  headings,
  collapsible = false,
}: {
  headings: readonly Heading[];
  collapsible?: boolean;
}) {
  if (collapsible) {
    return (
      <details className="rounded-lg border border-slate-200 p-3 dark:border-slate-800">
        <summary className="cursor-pointer text-sm font-semibold">On this page</summary>
        <nav aria-label="On this page (compact)" className="mt-2">
          <Entries headings={headings} />
        </nav>
      </details>
    );
  }
  return (
    <nav aria-label="On this page">
      <p className="mb-2 text-sm font-semibold">On this page</p>
      <Entries headings={headings} />
    </nav>
  );
}
