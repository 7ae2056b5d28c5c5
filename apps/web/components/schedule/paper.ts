/**
 * Classes of the light panel the timeline's drawings sit on: their SVG colours are fixed for a
 * light background, so they keep one in both themes. The components' own buttons are unstyled
 * (they carry no CSS framework), and Tailwind's preflight strips a button's border, so they get
 * one here: a control must look like a control.
 */
export const PAPER =
  "rounded-md bg-white p-2 text-slate-900 ring-1 ring-slate-200 dark:ring-slate-700 " +
  "[&_button]:rounded [&_button]:border [&_button]:border-slate-400 [&_button]:bg-slate-50 " +
  "[&_button]:px-2 [&_button]:py-0.5 [&_button:hover]:bg-slate-200 [&_button:disabled]:opacity-50";
