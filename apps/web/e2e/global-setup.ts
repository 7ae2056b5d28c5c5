import { ensureBuild } from "./build";

/** Builds the app for the browser tests when the build is missing or stale. */
export default function setup(): void {
  ensureBuild();
}
