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

// TODO: take orders from the queue, one at a time, for ever: get one, print
// `${name} starts ${dish}`, cook it (asyncio.sleep), print `${name} serves ${dish}`, and tell the
// queue that this order is done.
async function cook(name: string, orders: asyncio.Queue<[string, number]>) {}

async function main() {
  const orders = new asyncio.Queue<[string, number]>();
  for (const order of ORDERS) orders.put_nowait(order);
  // TODO: start two cooks, "ann" and "bob", wait until every order is done, then send the cooks home.
  print("kitchen closed");
}

asyncio.run(main());
