"use client";
/**
 * <WaitForGraph result={...} />: the wait-for graph of a deadlock as SVG, nodes on a circle
 * with the cycle first (so it reads as a ring) and drawn in bold red; threads and tasks are
 * circles, locks squares, other waits rounded boxes. Every node and edge is named in words.
 */
import type { RunResult } from "@interleave/scheduler";
import { type ReactElement, useMemo } from "react";
import { layoutWaitForGraph, nodeLabel, waitForGraph } from "../wait-for";

/** Props of <WaitForGraph>. */
export interface WaitForGraphProps {
  result: RunResult;
  /** Width and height in pixels (default 420). */
  size?: number;
  /** Accessible name (default "Who waits for whom"). */
  title?: string;
  /** Prefix of SVG ids (default "wfg"). */
  idPrefix?: string;
}

const R = 22;

/** The deadlock's wait-for graph with its cycle; a sentence when the run did not deadlock. */
export function WaitForGraph(props: WaitForGraphProps): ReactElement {
  const { result, size = 420, title = "Who waits for whom", idPrefix = "wfg" } = props;
  const graph = useMemo(() => waitForGraph(result), [result]);
  const placed = useMemo(() => layoutWaitForGraph(graph, size), [graph, size]);
  const at = new Map(placed.map((n) => [n.id, n]));
  if (graph.nodes.length === 0) {
    return (
      <figure className="interleave-wait-for" aria-label={title}>
        <figcaption>{graph.summary}</figcaption>
      </figure>
    );
  }
  return (
    <figure
      className="interleave-wait-for"
      aria-label={title}
      style={{ margin: 0, fontFamily: "system-ui, sans-serif" }}
    >
      <svg
        width={size}
        height={size}
        viewBox={`0 0 ${size} ${size}`}
        role="img"
        aria-labelledby={`${idPrefix}-title ${idPrefix}-desc`}
      >
        <title id={`${idPrefix}-title`}>{title}</title>
        <desc id={`${idPrefix}-desc`}>{graph.summary}</desc>
        <defs>
          <marker
            id={`${idPrefix}-arrow`}
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto-start-reverse"
          >
            <path d="M0,0 L10,5 L0,10 z" fill="#6b7280" />
          </marker>
          <marker
            id={`${idPrefix}-arrow-cycle`}
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto-start-reverse"
          >
            <path d="M0,0 L10,5 L0,10 z" fill="#dc2626" />
          </marker>
        </defs>
        {graph.edges.map((e) => {
          const a = at.get(e.from)!;
          const b = at.get(e.to)!;
          const d = Math.hypot(b.x - a.x, b.y - a.y) || 1;
          const ux = (b.x - a.x) / d;
          const uy = (b.y - a.y) / d;
          return (
            <line
              key={`${e.from}->${e.to}`}
              className={e.inCycle ? "edge edge-cycle" : "edge"}
              x1={a.x + ux * R}
              y1={a.y + uy * R}
              x2={b.x - ux * (R + 2)}
              y2={b.y - uy * (R + 2)}
              stroke={e.inCycle ? "#dc2626" : "#9ca3af"}
              strokeWidth={e.inCycle ? 3 : 1.5}
              strokeDasharray={e.kind === "holds" ? "5 3" : undefined}
              markerEnd={`url(#${idPrefix}-arrow${e.inCycle ? "-cycle" : ""})`}
            >
              <title>{e.label}</title>
            </line>
          );
        })}
        {placed.map((n) => {
          const stroke = n.inCycle ? "#dc2626" : "#4b5563";
          const shape =
            n.kind === "lock" ? (
              <rect
                x={n.x - R + 4}
                y={n.y - R + 4}
                width={2 * R - 8}
                height={2 * R - 8}
                fill="#fef3c7"
                stroke={stroke}
                strokeWidth={n.inCycle ? 2.5 : 1.5}
              />
            ) : n.kind === "resource" ? (
              <rect
                x={n.x - R - 10}
                y={n.y - 14}
                width={2 * R + 20}
                height={28}
                rx={8}
                fill="#f3f4f6"
                stroke={stroke}
              />
            ) : (
              <circle
                cx={n.x}
                cy={n.y}
                r={R}
                fill="#dbeafe"
                stroke={stroke}
                strokeWidth={n.inCycle ? 2.5 : 1.5}
              />
            );
          return (
            // biome-ignore lint/a11y/noInteractiveElementToNoninteractiveRole: an SVG node named in words.
            <g
              key={n.id}
              className={`node node-${n.kind}`}
              role="img"
              aria-label={`${n.kind} ${n.label}${n.inCycle ? ", in the cycle" : ""}`}
            >
              {shape}
              <text
                x={n.x}
                y={n.y + 4}
                textAnchor="middle"
                fontSize={nodeLabel(n, R).fontSize}
                fill="#111827"
              >
                {nodeLabel(n, R).text}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption style={{ fontSize: 13 }}>
        {graph.summary} Solid arrows: waits for; dashed arrows: lock held by.
      </figcaption>
    </figure>
  );
}
