/**
 * Light and dark themes. The choice is stored in localStorage under THEME_KEY; without one the
 * system preference applies. THEME_SCRIPT runs in <head> before the body paints, so a reload
 * never flashes the wrong theme.
 */
export const THEME_KEY = "interleave:theme";

export type Theme = "light" | "dark";

export const THEME_SCRIPT = `(function(){try{var t=localStorage.getItem(${JSON.stringify(THEME_KEY)});if(t!=="light"&&t!=="dark"){t=matchMedia("(prefers-color-scheme: dark)").matches?"dark":"light"}var d=document.documentElement;d.classList.toggle("dark",t==="dark");d.style.colorScheme=t}catch(e){}})()`;

/** Applies a theme to the document and remembers it. */
export function applyTheme(theme: Theme): void {
  const root = document.documentElement;
  root.classList.toggle("dark", theme === "dark");
  root.style.colorScheme = theme;
  try {
    localStorage.setItem(THEME_KEY, theme);
  } catch {
    // Storage may be disabled (private mode); the theme still applies for this page.
  }
  window.dispatchEvent(new CustomEvent<Theme>("interleave:theme", { detail: theme }));
}

/** The theme the document currently shows. */
export function currentTheme(): Theme {
  return document.documentElement.classList.contains("dark") ? "dark" : "light";
}
