/** What a blocked actor waits on, in the timeline's words. */
import type { SpanState } from "./model";

// Waits that stand for input/output: a pipe or connection, a thread the event loop handed a
// blocking call to (to_thread, run_in_executor), and names a future trace might use.
const IO = /\b(recv|send|read|write|connect|accept|select|poll|socket|to_thread|run_in_executor|io)\b/i;
const SLEEP = /^(time\.)?sleep\b/;

/** The state of an actor blocked on `what` (the trace's block detail): sleeping, I/O or blocked. */
export function classifyWait(what: string): SpanState {
  if (SLEEP.test(what)) return "sleeping";
  if (IO.test(what)) return "io";
  return "blocked";
}
