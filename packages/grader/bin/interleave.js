#!/usr/bin/env node
// The `interleave` command. The packages export TypeScript source, so load it through tsx.
import { register } from "tsx/esm/api";

register();
const { runCli } = await import("../src/cli/entry.ts");
process.exitCode = await runCli(process.argv.slice(2));
