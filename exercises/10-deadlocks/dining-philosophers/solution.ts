import { print, threading, time } from "interleave";

const N = 5;
// Fork i lies between philosopher i and philosopher i + 1 (and fork 4 between 4 and 0).
const forks = Array.from({ length: N }, () => new threading.Lock());

async function philosopher(i: number) {
  for (let meal = 1; meal <= 3; meal++) {
    // Everyone picks up the lower-numbered of their two forks first. Philosopher 4 therefore
    // reaches for fork 0 before fork 4, and the circle of waiting can never close.
    const a = Math.min(i, (i + 1) % N);
    const b = Math.max(i, (i + 1) % N);
    const first = forks[a]!;
    const second = forks[b]!;
    await first.acquire();
    await time.sleep(0.1); // reach for the other fork
    await second.acquire();
    print(`philosopher ${i} eats`);
    await time.sleep(1);
    print(`philosopher ${i} is full`);
    second.release();
    first.release();
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
