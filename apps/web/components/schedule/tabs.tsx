"use client";
/**
 * Accessible tabs (WAI-ARIA Authoring Practices' tabs pattern): a tablist whose arrow keys, Home
 * and End move between tabs, each tab controlling one panel. A panel is rendered the first time
 * its tab is selected (a big run's replay is not computed until asked for) and then stays
 * mounted, hidden when not selected, so a view keeps its state — a replay's step, a scheduling
 * session — while the learner looks at another.
 */
import { type KeyboardEvent, type ReactNode, useId, useRef, useState } from "react";

export interface Tab {
  id: string;
  label: string;
  panel: ReactNode;
}

export interface TabsProps {
  label: string;
  tabs: readonly Tab[];
  selected: string;
  onSelect: (id: string) => void;
}

/** A row of tabs and the selected tab's panel. */
export function Tabs({ label, tabs, selected, onSelect }: TabsProps) {
  const base = useId();
  const buttons = useRef<Record<string, HTMLButtonElement | null>>({});
  const [opened, setOpened] = useState<ReadonlySet<string>>(() => new Set([selected]));
  if (!opened.has(selected)) setOpened(new Set([...opened, selected]));
  const onKeyDown = (event: KeyboardEvent) => {
    const i = tabs.findIndex((t) => t.id === selected);
    const to =
      event.key === "ArrowRight"
        ? (i + 1) % tabs.length
        : event.key === "ArrowLeft"
          ? (i - 1 + tabs.length) % tabs.length
          : event.key === "Home"
            ? 0
            : event.key === "End"
              ? tabs.length - 1
              : -1;
    if (to < 0) return;
    event.preventDefault();
    const id = tabs[to]!.id;
    onSelect(id);
    buttons.current[id]?.focus();
  };
  return (
    <div>
      <div
        role="tablist"
        aria-label={label}
        className="flex flex-wrap gap-1 border-b border-slate-300 dark:border-slate-700"
        onKeyDown={onKeyDown}
      >
        {tabs.map((t) => {
          const active = t.id === selected;
          return (
            <button
              key={t.id}
              ref={(el) => {
                buttons.current[t.id] = el;
              }}
              type="button"
              role="tab"
              id={`${base}-tab-${t.id}`}
              aria-selected={active}
              aria-controls={`${base}-panel-${t.id}`}
              tabIndex={active ? 0 : -1}
              onClick={() => onSelect(t.id)}
              className={`-mb-px rounded-t-md border px-3 py-1.5 text-sm font-medium ${
                active
                  ? "border-slate-300 border-b-white bg-white text-slate-900 dark:border-slate-700 dark:border-b-slate-950 dark:bg-slate-950 dark:text-slate-100"
                  : "border-transparent text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-slate-100"
              }`}
            >
              {t.label}
            </button>
          );
        })}
      </div>
      {tabs.map((t) => (
        <div
          key={t.id}
          role="tabpanel"
          id={`${base}-panel-${t.id}`}
          aria-labelledby={`${base}-tab-${t.id}`}
          hidden={t.id !== selected}
          className="pt-3"
        >
          {opened.has(t.id) || t.id === selected ? t.panel : null}
        </div>
      ))}
    </div>
  );
}
