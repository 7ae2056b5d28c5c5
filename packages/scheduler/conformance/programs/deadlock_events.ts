import { asyncio, print } from "interleave";

type Event = InstanceType<typeof asyncio.Event>;

async function first(a: Event, b: Event) {
  print("first waits for b");
  await b.wait();
  a.set();
}

async function second(a: Event, b: Event) {
  print("second waits for a");
  await a.wait();
  b.set();
}

async function main() {
  const a = new asyncio.Event();
  const b = new asyncio.Event();
  await asyncio.sleep(1);
  await asyncio.gather(first(a, b), second(a, b));
  print("never printed");
}

asyncio.run(main());
