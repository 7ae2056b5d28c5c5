/**
 * Classes of the light panel the timeline's drawings sit on: their SVG colours are fixed for a
 * light background, so they keep one in both themes.
 */
export const PAPER = "rounded-md bg-white p-2 text-slate-900 ring-1 ring-slate-200 dark:ring-slate-700";
