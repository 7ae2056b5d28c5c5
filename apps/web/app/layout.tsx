import type { Metadata, Viewport } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { AccountMenu } from "@/components/account-menu";
import { THEME_SCRIPT } from "@/components/theme";
import { ThemeToggle } from "@/components/theme-toggle";
import { COURSE_NAME } from "@/lib/site";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: `${COURSE_NAME} — learn concurrency by running it`, template: `%s · ${COURSE_NAME}` },
  description:
    "A course on concurrency, from processes and threads to Python's asyncio, with exercises graded on a deterministic virtual-time runtime.",
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#020617" },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    // The theme script sets the `dark` class before hydration, so React must not complain.
    <html lang="en" suppressHydrationWarning>
      <head>
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: a constant script, no user input */}
        <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body className="flex min-h-screen flex-col bg-white font-sans text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        <a
          href="#main"
          className="sr-only z-50 rounded-md bg-blue-700 px-3 py-2 text-white focus:not-sr-only focus:absolute focus:top-2 focus:left-2"
        >
          Skip to content
        </a>
        <header className="border-b border-slate-200 dark:border-slate-800">
          <nav
            aria-label="Main"
            className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-3"
          >
            <Link href="/" className="text-lg font-semibold tracking-tight">
              {COURSE_NAME}
            </Link>
            <div className="flex items-center gap-3">
              <AccountMenu />
              <ThemeToggle />
            </div>
          </nav>
        </header>
        <main
          id="main"
          tabIndex={-1}
          className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 focus:outline-none"
        >
          {children}
        </main>
        <footer className="border-t border-slate-200 text-sm text-slate-600 dark:border-slate-800 dark:text-slate-400">
          <div className="mx-auto max-w-6xl px-4 py-4">
            Every program runs in your browser on a deterministic virtual clock; Submit grades it on the
            server.
          </div>
        </footer>
      </body>
    </html>
  );
}
