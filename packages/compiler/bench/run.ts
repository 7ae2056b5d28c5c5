/**
 * How long compile() takes on a typical exercise program (~200 lines of TypeScript with async
 * functions, classes, interfaces and awaits), after warm-up and cold. Run: npm run bench
 */
import { parse } from "acorn";
import { transform } from "sucrase";
import { compile } from "../src/index";
import { program } from "./program";

function time(label: string, source: string, fn: (s: string) => unknown): number {
  for (let i = 0; i < 300; i++) fn(source); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < 1000; i++) {
    const t0 = performance.now();
    fn(source);
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const p50 = samples[Math.floor(samples.length * 0.5)]!;
  const p99 = samples[Math.floor(samples.length * 0.99)]!;
  console.log(`${label.padEnd(34)} p50 ${p50.toFixed(3)} ms   p99 ${p99.toFixed(3)} ms`);
  return p50;
}

const source = program(7);
const lines = source.split("\n").length;
const t0 = performance.now();
const first = compile(source);
const cold = performance.now() - t0;
if (!first.ok) throw new Error(JSON.stringify(first.error));
console.log(`program: ${lines} lines, ${source.length} chars`);
console.log(`${"compile, cold (first call)".padEnd(34)} ${cold.toFixed(2)} ms`);
const stripped = transform(source, { transforms: ["typescript", "imports"], disableESTransforms: true }).code;
time("compile, warm", source, compile);
time("  of which sucrase", source, (s) =>
  transform(s, { transforms: ["typescript", "imports"], disableESTransforms: true }),
);
time("  of which acorn", stripped, (s) =>
  parse(s, { ecmaVersion: "latest", allowAwaitOutsideFunction: true, preserveParens: true }),
);
// Wall-clock percentiles swell when other processes share the cores; CPU time does not.
const cpu0 = process.cpuUsage();
for (let i = 0; i < 500; i++) compile(source);
const cpu = process.cpuUsage(cpu0);
console.log(
  `${"compile, CPU time per call".padEnd(34)} ${((cpu.user + cpu.system) / 1000 / 500).toFixed(3)} ms (incl. GC threads)`,
);
const broken = `${source.slice(0, source.length - 40)}\nlet x: number = ;\n`;
time("compile with a syntax error, warm", broken, compile);
