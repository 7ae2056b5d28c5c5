// biome-ignore-all assist/source/organizeImports: the public API is grouped by topic under headings.

// The data: lanes and spans
export { toLanes, type LaneOptions } from "./lanes";
export {
  type At,
  type Lane,
  type LaneKind,
  type Lanes,
  type Marker,
  type MarkerKind,
  type Scale,
  type Span,
  type SpanState,
  SPAN_STATES,
  STATE_LABELS,
} from "./model";
export { classifyWait } from "./waits";

// Who is who: the actor behind a trace event (lane ids and replay ids agree)
export { type Actor, ActorResolver } from "./actors";

// Replay: the world after event k
export {
  type ActorState,
  type CellState,
  type LockState,
  type QueueState,
  Replay,
  type ReplayState,
  replayState,
} from "./replay";
export { describeEvent } from "./describe";

// "Be the scheduler": the choice point after a prefix of choices, found by probe runs
export {
  type ChoiceOption,
  type ChoicePoint,
  type ChoiceRunner,
  divergence,
  type ProbeOutcome,
  probeChoicePoint,
  readChoicePoint,
  runUntil,
} from "./choice-point";

export { type FoundSchedule, findBreakingSchedule, type SearchOptions } from "./schedule-search";

// Races: writes that overwrote a write their writer never saw
export { type LostUpdate, lostUpdates } from "./races";

// The wait-for graph of a deadlock
export {
  layoutWaitForGraph,
  type PlacedNode,
  type WaitEdge,
  type WaitForGraph,
  type WaitNode,
  waitForGraph,
} from "./wait-for";

// Drawing: pixels, SVG, terminal text
export {
  coordinate,
  formatCoordinate,
  fullWindow,
  layoutMarkers,
  layoutSpans,
  type Mark,
  patternDefs,
  type Rect,
  STATE_STYLE,
  stateFill,
  ticks,
  type Window,
} from "./layout";
export { renderTimelineSvg, type SvgOptions } from "./svg";
export { renderTimelineText, type TextOptions } from "./text";
export { describeSpan, escapeXml, markerLabel } from "./words";
export { renderWaitForGraphSvg, type WaitForSvgOptions } from "./wait-for-svg";
