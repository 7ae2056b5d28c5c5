import type { NextConfig } from "next";

const config: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Workspace packages export TypeScript source; Next compiles them with the app.
  transpilePackages: [
    "@interleave/compiler",
    "@interleave/content",
    "@interleave/grader",
    "@interleave/sandbox",
    "@interleave/scheduler",
  ],
  // QuickJS loads its WebAssembly from its own package folder on the server: keep it external.
  serverExternalPackages: [
    "quickjs-emscripten-core",
    "@jitl/quickjs-wasmfile-release-sync",
    "@jitl/quickjs-ng-wasmfile-release-sync",
  ],
};

export default config;
