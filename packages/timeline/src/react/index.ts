// biome-ignore-all assist/source/organizeImports: the public API is grouped by topic under headings.
// React components (client-safe, no Next imports): import from "@interleave/timeline/react".

// The timeline
export { Legend, Timeline, type TimelineProps } from "./timeline";

// The replay
export { ReplayView, type ReplayViewProps } from "./replay-view";

// The deadlock
export { WaitForGraph, type WaitForGraphProps } from "./wait-for-graph";
