/** Trace events in words, for the replay view and for span tooltips. */
import type { TraceEvent } from "@interleave/scheduler";

function seconds(t: number): string {
  return `${Number(t.toFixed(6))} s`;
}

/** One sentence saying what `e` means; `who` names its actor (default: from the event). */
export function describeEvent(e: TraceEvent, who?: string): string {
  const name = who ?? e.task ?? e.thread ?? "MainThread";
  const d = e.detail ?? "";
  const at = `At ${seconds(e.time)}, `;
  switch (e.kind as string) {
    case "spawn":
      return `${at}${name} is created${d ? ` to run ${d}` : ""}; it is ready to run.`;
    case "run":
      return `${at}${name} is given the ${e.task !== null ? "event loop" : "CPU"} and runs.`;
    case "sleep":
      return `${at}${name} goes to sleep: ${d}.`;
    case "block":
      return `${at}${name} waits for ${d}.`;
    case "wake":
      return `${at}${name} is woken${d ? ` (${d} is done)` : ""}; it is ready to run again.`;
    case "cpu":
      return `${at}${name} starts CPU work: ${d}.`;
    case "print":
      return `${at}${name} prints "${d}".`;
    case "cancel":
      return `${at}${name} is cancelled${d ? `: ${d}` : ""}.`;
    case "exit":
      return d.startsWith("process ")
        ? `${at}${d.replace(/^process/, "Process")}.`
        : `${at}${name} finishes (${d}).`;
    case "acquire":
      return `${at}${name} takes ${d}.`;
    case "release":
      return `${at}${name} releases ${d}.`;
    case "load": {
      const m = /^(.*?) -> (.*)$/.exec(d);
      return m ? `${at}${name} reads ${m[1]} and sees ${m[2]}.` : `${at}${name} reads ${d}.`;
    }
    case "store": {
      const m = /^(\S+) <- (.*)$/.exec(d);
      return m ? `${at}${name} writes ${m[2]} to ${m[1]}.` : `${at}${name} updates ${d}.`;
    }
    case "gil-acquire":
      return `${at}${name} takes its process's GIL and computes on ${d}.`;
    case "gil-release":
      return `${at}${name} lets go of the GIL (${d}).`;
    default:
      return `${at}${name}: ${e.kind}${d ? ` ${d}` : ""}.`;
  }
}
