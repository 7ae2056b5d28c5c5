"use client";

import { useCallback, useRef, useState } from "react";
import { isCancelled, pageRunner, type ScheduleOptions } from "./program-runner";
import type { RunState } from "./run-output";

/** Run state for one Run button: run(code, schedule?), cancel(), and what to show. */
export function useRun() {
  const [state, setState] = useState<RunState>({ phase: "idle" });
  const current = useRef(0);

  const run = useCallback(async (source: string, schedule?: ScheduleOptions) => {
    const id = ++current.current;
    setState({ phase: "running" });
    const started = performance.now();
    try {
      const result = await pageRunner().run(source, schedule);
      if (current.current === id)
        setState({ phase: "done", result, source, schedule, wallMs: performance.now() - started, seq: id });
    } catch (error) {
      if (current.current !== id) return;
      if (isCancelled(error)) setState({ phase: "cancelled" });
      else setState({ phase: "failed", message: error instanceof Error ? error.message : String(error) });
    }
  }, []);

  const cancel = useCallback(() => {
    pageRunner().cancel();
  }, []);

  return { state, run, cancel, running: state.phase === "running" };
}
