/** A typical exercise program of about `blocks` x 26 lines: interfaces, classes, async functions, awaits. */
export function program(blocks: number): string {
  const parts = ['import { asyncio, print, time } from "interleave";', ""];
  for (let i = 0; i < blocks; i++) {
    parts.push(`interface Job${i} {
  id: number;
  name: string;
  delay?: number;
}

async function fetch${i}(job: Job${i}, retries: number = 2): Promise<string> {
  for (let attempt = 0; attempt < retries; attempt++) {
    await asyncio.sleep(job.delay ?? 0.1);
    if (job.id % 2 === attempt) return \`\${job.name} after \${attempt}\`;
  }
  throw new Error(\`gave up on \${job.name}\`);
}

class Worker${i}<T extends Job${i}> {
  private done: number = 0;
  constructor(private readonly queue: T[]) {}
  async run(): Promise<number> {
    const results = await asyncio.gather(...this.queue.map((job) => fetch${i}(job)));
    this.done += results.length;
    const log = async (line: string) => print(time.monotonic(), line);
    for (const r of results) await log(r);
    return this.done;
  }
}
`);
  }
  parts.push(`async function main(): Promise<void> {
  const w = new Worker0([{ id: 1, name: "a" }, { id: 2, name: "b", delay: 0.5 }]);
  print(await w.run());
}
asyncio.run(main());`);
  return parts.join("\n");
}
