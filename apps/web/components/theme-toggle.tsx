"use client";

import { useEffect, useState } from "react";
import { applyTheme, currentTheme, type Theme } from "./theme";

/** A toggle button for the dark theme; the choice is remembered across visits. */
export function ThemeToggle() {
  // Unknown until mounted: the server cannot know the stored theme.
  const [theme, setTheme] = useState<Theme | null>(null);
  useEffect(() => setTheme(currentTheme()), []);

  return (
    <button
      type="button"
      onClick={() => {
        const next: Theme = currentTheme() === "dark" ? "light" : "dark";
        applyTheme(next);
        setTheme(next);
      }}
      aria-pressed={theme === null ? undefined : theme === "dark"}
      className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
    >
      <span aria-hidden="true" className="mr-1.5">
        {theme === "dark" ? "☾" : "☀︎"}
      </span>
      Dark theme
    </button>
  );
}
