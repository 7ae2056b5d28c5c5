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
