import { print, threading, time } from "interleave";

const N = 5;
// Fork i lies between philosopher i and philosopher i + 1 (and fork 4 between 4 and 0).
const forks = Array.from({ length: N }, () => new threading.Lock());

async function philosopher(i: number) {
  for (let meal = 1; meal <= 3; meal++) {
    const left = forks[i]!;
    const right = forks[(i + 1) % N]!;
    await left.acquire();
    await time.sleep(0.1); // reach for the other fork
    // Give up waiting after half a second... and eat anyway, without the second fork.
    const gotRight = await right.acquire(true, 0.5);
    print(`philosopher ${i} eats`);
    await time.sleep(1);
    print(`philosopher ${i} is full`);
    if (gotRight) right.release();
    left.release();
    await time.sleep(0.5); // think before getting hungry again
  }
}

const diners = Array.from(
  { length: N },
  (_, i) => new threading.Thread({ target: philosopher, args: [i], name: `P${i}` }),
);
for (const d of diners) d.start();
for (const d of diners) d.join();
print("dinner is over");
