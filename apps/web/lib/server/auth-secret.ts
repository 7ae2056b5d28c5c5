// The auth secret when AUTH_SECRET is unset: generated once (32 random bytes) and kept in the
// data folder beside the SQLite database, readable by the server's user only, so sessions
// survive restarts without a secret in the repository. Set AUTH_SECRET in real deployments.
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

/** The secret stored in `dataDir`/auth-secret, created on first use. */
export function persistedSecret(dataDir: string): string {
  const file = join(/*turbopackIgnore: true*/ dataDir, "auth-secret");
  try {
    const existing = readFileSync(file, "utf8").trim();
    if (existing.length >= 32) return existing;
  } catch {
    // Not there yet.
  }
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64");
  try {
    // "wx": when two processes start together, the first one's secret wins.
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: "wx" });
    console.info(`Generated an auth secret in ${file} (set AUTH_SECRET to choose your own).`);
    return secret;
  } catch {
    return readFileSync(file, "utf8").trim();
  }
}
