import type { NextConfig } from "next";

const config: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // `npm run typecheck` (tsc --noEmit, in turbo's pipeline) checks the types; checking them again
  // inside every `next build` costs a minute on this machine and tells nothing new.
  typescript: { ignoreBuildErrors: true },
  // Workspace packages export TypeScript source; Next compiles them with the app.
  transpilePackages: [
    "@interleave/compiler",
    "@interleave/content",
    "@interleave/db",
    "@interleave/grader",
    "@interleave/sandbox",
    "@interleave/scheduler",
    "@interleave/timeline",
  ],
  // QuickJS loads its WebAssembly from its own package folder on the server, and tinypool its
  // workers from its own: keep them external.
  // The database drivers are native or load their engines at run time: keep them external too.
  serverExternalPackages: [
    "better-sqlite3",
    "@prisma/client",
    "@prisma/adapter-better-sqlite3",
    "@prisma/adapter-pg",
    "pg",
    "tinypool",
    "quickjs-emscripten-core",
    "@jitl/quickjs-wasmfile-release-sync",
    "@jitl/quickjs-ng-wasmfile-release-sync",
  ],
};

export default config;
