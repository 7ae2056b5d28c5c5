import { print, threading, time } from "interleave";

const prices = new Map<string, number>(); // shared by all the threads

async function ask(shop: string, seconds: number, price: number) {
  await time.sleep(seconds); // waiting for the shop to answer
  prices.set(shop, price);
}

const shops: [string, number, number][] = [
  ["shop-a", 1, 9],
  ["shop-b", 3, 7],
  ["shop-c", 2, 8],
];

const threads = shops.map(
  ([shop, seconds, price]) => new threading.Thread({ target: ask, args: [shop, seconds, price] }),
);
for (const t of threads) t.start(); // all three ask at the same time
for (const t of threads) t.join(); // then wait until every one has answered

let best = "";
for (const [shop, price] of prices) if (best === "" || price < prices.get(best)!) best = shop;
print(`${prices.size} shops answered; cheapest: ${best} at ${prices.get(best)}`);
