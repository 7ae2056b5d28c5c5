import { print, threading } from "interleave";

const count = threading.shared(0, "count");
const lock = new threading.Lock();

async function add_visits(times: number) {
  for (let i = 0; i < times; i++) {
    const seen = await count.load();
    // The lock protects the write, but another thread may have read the same value meanwhile.
    await lock.acquire();
    try {
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
