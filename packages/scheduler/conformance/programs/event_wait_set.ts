import { asyncio, print } from "interleave";

type Event = InstanceType<typeof asyncio.Event>;

const py = (b: boolean) => (b ? "True" : "False");

async function waiter(name: string, event: Event) {
  print(`${name} waits`);
  await event.wait();
  print(`${name} proceeds`);
}

async function main() {
  const event = new asyncio.Event();
  const tasks = ["a", "b", "c"].map((n) => asyncio.create_task(waiter(n, event)));
  await asyncio.sleep(1);
  print("setting the event");
  event.set();
  print(`is_set: ${py(event.is_set())}`);
  await asyncio.gather(...tasks);
  print(`late waiter returns at once: ${py(await event.wait())}`);
  event.clear();
  const late = asyncio.create_task(waiter("d", event));
  await asyncio.sleep(0.5);
  event.set();
  await late;
}

asyncio.run(main());
