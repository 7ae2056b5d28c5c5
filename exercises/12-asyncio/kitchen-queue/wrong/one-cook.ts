import { asyncio, print } from "interleave";

// Six orders and how long each takes to cook (seconds).
const ORDERS: [string, number][] = [
  ["soup", 2],
  ["salad", 1],
  ["toast", 1],
  ["roast", 3],
  ["tea", 1],
  ["pasta", 2],
];

// A cook takes the next order from the queue, cooks it, and marks it done, for ever.
async function cook(name: string, orders: asyncio.Queue<[string, number]>) {
  while (true) {
    const [dish, seconds] = await orders.get();
    print(`${name} starts ${dish}`);
    await asyncio.sleep(seconds);
    print(`${name} serves ${dish}`);
    orders.task_done();
  }
}

async function main() {
  const orders = new asyncio.Queue<[string, number]>();
  for (const order of ORDERS) orders.put_nowait(order);
  const cooks = [asyncio.create_task(cook("ann", orders))];
  await orders.join(); // every order got its task_done()
  for (const c of cooks) c.cancel(); // the cooks wait for orders for ever: send them home
  print("kitchen closed");
}

asyncio.run(main());
