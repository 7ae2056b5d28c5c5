/**
 * Reads a `.cpuprofile` (from `npm run load -- --cpu-prof <dir>`; the server's main thread is the
 * file numbered .0.001) without a GUI: `npx tsx load/profile-summary.ts <file> [self|package|
 * within <regex>]`. `self` sums self time by function and place, `package` by package or file
 * (node_modules/<name>, node:<module>, the app's chunks), `within` the time spent inside frames
 * whose "function file:line" matches the pattern (inclusive, each sample counted once), e.g.
 * `within "compile .*query_compiler"` for Prisma's query compiler.
 */
import { readFileSync } from "node:fs";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, mode = "self", pattern = ""] = process.argv.slice(2);
if (!file) throw new Error("usage: profile-summary.ts <file.cpuprofile> [self|package|within <regex>]");
const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const parents = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);

/** Self time per node (µs): each sample's delta goes to the node it was taken in. */
const selfUs = new Map<number, number>();
for (const [i, id] of profile.samples.entries()) {
  selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0));
}
const totalUs = [...selfUs.values()].reduce((a, b) => a + b, 0);

const place = (url: string) =>
  url
    .replace(/.*node_modules\//, "nm/")
    .replace(/.*\.next\/server\//, ".next/")
    .replace(/^file:\/\//, "");
const frame = (node: ProfileNode) =>
  `${node.callFrame.functionName || "(anonymous)"} ${place(node.callFrame.url)}:${node.callFrame.lineNumber}`;
const packageOf = (node: ProfileNode) => {
  const at = place(node.callFrame.url);
  return at.match(/^nm\/(@[^/]+\/[^/]+|[^/]+)/)?.[1] ?? (at || node.callFrame.functionName);
};

function sumBy(key: (node: ProfileNode) => string): [string, number][] {
  const sums = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const k = key(nodes.get(id)!);
    sums.set(k, (sums.get(k) ?? 0) + us);
  }
  return [...sums].sort((a, b) => b[1] - a[1]);
}

function within(regex: RegExp): [string, number][] {
  const sums = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parents.get(at)) {
      const k = frame(nodes.get(at)!);
      if (regex.test(k) && !seen.has(k)) {
        seen.add(k);
        sums.set(k, (sums.get(k) ?? 0) + us);
      }
    }
  }
  return [...sums].sort((a, b) => b[1] - a[1]);
}

const rows =
  mode === "package" ? sumBy(packageOf) : mode === "within" ? within(new RegExp(pattern)) : sumBy(frame);
console.log(`${(totalUs / 1000).toFixed(0)} ms sampled`);
for (const [name, us] of rows.slice(0, 50)) {
  console.log(
    `${(us / 1000).toFixed(0).padStart(7)} ms ${((100 * us) / totalUs).toFixed(1).padStart(5)} %  ${name}`,
  );
}
