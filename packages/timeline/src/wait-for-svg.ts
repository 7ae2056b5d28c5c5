/**
 * renderWaitForGraphSvg: the wait-for graph as a standalone SVG document (lessons, export), the
 * twin of the React <WaitForGraph>: nodes on a circle, the cycle in bold red, threads and tasks
 * as circles, locks as squares, other waits as rounded boxes; everything named in words.
 */
import { layoutWaitForGraph, nodeLabel, type WaitForGraph } from "./wait-for";
import { escapeXml } from "./words";

/** Options of renderWaitForGraphSvg. */
export interface WaitForSvgOptions {
  /** Width and height in pixels (default 420). */
  size?: number;
  /** The document's title (default "Who waits for whom"). */
  title?: string;
  /** Prefix of the ids inside the SVG (default "wfg"). */
  idPrefix?: string;
}

const R = 22;

/** A standalone SVG document drawing `graph`. */
export function renderWaitForGraphSvg(graph: WaitForGraph, options: WaitForSvgOptions = {}): string {
  const size = options.size ?? 420;
  const p = options.idPrefix ?? "wfg";
  const placed = layoutWaitForGraph(graph, size);
  const at = new Map(placed.map((n) => [n.id, n]));
  const arrow = (id: string, fill: string) =>
    `<marker id="${id}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${fill}"/></marker>`;
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" width="${size}" height="${size}" role="img" aria-labelledby="${p}-title ${p}-desc" font-family="system-ui, sans-serif" font-size="11">`,
    `<title id="${p}-title">${escapeXml(options.title ?? "Who waits for whom")}</title>`,
    `<desc id="${p}-desc">${escapeXml(`${graph.summary} Solid arrows: waits for; dashed arrows: lock held by.`)}</desc>`,
    `<defs>${arrow(`${p}-arrow`, "#6b7280")}${arrow(`${p}-arrow-cycle`, "#dc2626")}</defs>`,
    `<rect width="${size}" height="${size}" fill="#ffffff"/>`,
  ];
  for (const e of graph.edges) {
    const a = at.get(e.from)!;
    const b = at.get(e.to)!;
    const d = Math.hypot(b.x - a.x, b.y - a.y) || 1;
    const ux = (b.x - a.x) / d;
    const uy = (b.y - a.y) / d;
    out.push(
      `<line class="edge${e.inCycle ? " edge-cycle" : ""}" x1="${(a.x + ux * R).toFixed(1)}" y1="${(a.y + uy * R).toFixed(1)}" x2="${(b.x - ux * (R + 2)).toFixed(1)}" y2="${(b.y - uy * (R + 2)).toFixed(1)}" stroke="${e.inCycle ? "#dc2626" : "#9ca3af"}" stroke-width="${e.inCycle ? 3 : 1.5}"${e.kind === "holds" ? ' stroke-dasharray="5 3"' : ""} marker-end="url(#${p}-arrow${e.inCycle ? "-cycle" : ""})"><title>${escapeXml(e.label)}</title></line>`,
    );
  }
  for (const n of placed) {
    const stroke = n.inCycle ? "#dc2626" : "#4b5563";
    const width = n.inCycle ? 2.5 : 1.5;
    const shape =
      n.kind === "lock"
        ? `<rect x="${n.x - R + 4}" y="${n.y - R + 4}" width="${2 * R - 8}" height="${2 * R - 8}" fill="#fef3c7" stroke="${stroke}" stroke-width="${width}"/>`
        : n.kind === "resource"
          ? `<rect x="${n.x - R - 10}" y="${n.y - 14}" width="${2 * R + 20}" height="28" rx="8" fill="#f3f4f6" stroke="${stroke}"/>`
          : `<circle cx="${n.x}" cy="${n.y}" r="${R}" fill="#dbeafe" stroke="${stroke}" stroke-width="${width}"/>`;
    const label = nodeLabel(n, R);
    out.push(
      `<g class="node node-${n.kind}" role="img" aria-label="${escapeXml(`${n.kind} ${n.label}${n.inCycle ? ", in the cycle" : ""}`)}">${shape}<text x="${n.x}" y="${n.y + 4}" text-anchor="middle" font-size="${label.fontSize}" fill="#111827">${escapeXml(label.text)}</text></g>`,
    );
  }
  out.push("</svg>");
  return out.join("\n");
}
