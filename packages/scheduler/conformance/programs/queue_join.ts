import { asyncio, print, repr } from "interleave";

type Queue = InstanceType<typeof asyncio.Queue>;

async function worker(name: string, q: Queue) {
  for (;;) {
    const item = await q.get();
    await asyncio.sleep(item);
    print(`${name} finished job ${item}`);
    q.task_done();
  }
}

async function main() {
  const q = new asyncio.Queue();
  for (const job of [0.5, 1, 0.25, 0.75, 0.5]) q.put_nowait(job);
  const workers = [0, 1].map((i) => asyncio.create_task(worker(`w${i}`, q)));
  await q.join();
  print(`all jobs done at ${asyncio.get_running_loop().time().toFixed(2)}`);
  for (const w of workers) w.cancel();
  const results: unknown[] = await asyncio.gather(...workers, { return_exceptions: true });
  print(`workers: ${repr(results.map((r) => (r instanceof Error ? r.name : typeof r)))}`);
}

asyncio.run(main());
