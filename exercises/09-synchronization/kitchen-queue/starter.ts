import { print, queue, threading, time } from "interleave";

// Room for two plates at the pass: the kitchen waits when both are taken.
const pass = new queue.Queue<string | null>(2);

async function kitchen() {
  for (const dish of ["soup", "salad", "pasta", "pizza", "cake", "tea"]) {
    await time.sleep(0.5); // cook
    await pass.put(dish);
    print(`kitchen: ${dish} is ready`);
  }
  // The kitchen is closed. How do the waiters find out?
}

async function waiter(name: string) {
  while (true) {
    const dish = await pass.get();
    print(`${name} serves ${dish}`);
    await time.sleep(1); // walk to the table and back
  }
}

const threads = [
  new threading.Thread({ target: kitchen, name: "kitchen" }),
  new threading.Thread({ target: waiter, args: ["ana"], name: "ana" }),
  new threading.Thread({ target: waiter, args: ["raj"], name: "raj" }),
];
for (const t of threads) t.start();
for (const t of threads) t.join();
print("restaurant closed");
