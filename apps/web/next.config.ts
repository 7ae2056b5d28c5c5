import type { NextConfig } from "next";

const config: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Workspace packages export TypeScript source; Next compiles them with the app.
  transpilePackages: ["@interleave/content"],
};

export default config;
