import { print, threading } from "interleave";

const count = threading.shared(0, "count");

async function add_visits(times: number) {
  // Each thread makes its own lock, so nobody ever waits for anybody.
  const lock = new threading.Lock();
  for (let i = 0; i < times; i++) {
    await lock.acquire();
    try {
      const seen = await count.load();
      await count.store(seen + 1);
    } finally {
      lock.release();
    }
  }
}

const threads = [1, 2, 3, 4].map(() => new threading.Thread({ target: add_visits, args: [25] }));
for (const t of threads) t.start();
for (const t of threads) t.join();

print(`count = ${count.value}`);
