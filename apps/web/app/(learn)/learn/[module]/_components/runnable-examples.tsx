"use client";
/**
 * Attaches a Run button and an output panel to each runnable example of a lesson. The lesson's
 * HTML is rendered on the server; this finds each `[data-runnable]` wrapper in it after
 * hydration and renders the controls into a slot appended to the wrapper, through a portal.
 */
import { useEffect, useState } from "react";
import { createPortal } from "react-dom";
import { RunOutput } from "@/components/run-output";
import { useRun } from "@/components/use-run";

export interface Example {
  id: string;
  source: string;
}

export function RunnableExamples({
  containerId,
  examples,
}: {
  containerId: string;
  examples: readonly Example[];
}) {
  const [slots, setSlots] = useState<Array<{ example: Example; slot: HTMLElement }>>([]);

  useEffect(() => {
    const container = document.getElementById(containerId);
    if (!container) return;
    const made: Array<{ example: Example; slot: HTMLElement }> = [];
    for (const example of examples) {
      const wrapper = container.querySelector<HTMLElement>(`[data-runnable="${CSS.escape(example.id)}"]`);
      if (!wrapper) continue;
      const slot = document.createElement("div");
      slot.className = "not-prose mt-2 space-y-2";
      wrapper.append(slot);
      made.push({ example, slot });
    }
    setSlots(made);
    return () => {
      for (const { slot } of made) slot.remove();
    };
  }, [containerId, examples]);

  return (
    <>
      {slots.map(({ example, slot }, index) =>
        createPortal(<ExampleControls example={example} number={index + 1} />, slot, example.id),
      )}
    </>
  );
}

function ExampleControls({ example, number }: { example: Example; number: number }) {
  const { state, run, cancel, running } = useRun();
  return (
    <>
      <div className="flex gap-2">
        <button
          type="button"
          onClick={() => run(example.source)}
          disabled={running}
          aria-label={`Run example ${number}`}
          className="rounded-md bg-blue-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-800 disabled:opacity-60"
        >
          Run
        </button>
        {running && (
          <button
            type="button"
            onClick={cancel}
            className="rounded-md border border-slate-300 px-3 py-1.5 text-sm dark:border-slate-700"
          >
            Cancel
          </button>
        )}
      </div>
      <RunOutput state={state} label={`Output of example ${number}`} />
    </>
  );
}
