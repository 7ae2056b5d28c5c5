import { print, threading } from "interleave";

// A shared variable: every load() and store() is a point where another thread may run.
const count = threading.shared(0, "count");

async function add_visits(times: number) {
  for (let i = 0; i < times; i++) {
    const seen = await count.load(); // read the counter
    await count.store(seen + 1); // write it back, one higher
  }
}

const threads = [1, 2, 3, 4].map(() => new threading.Thread({ target: add_visits, args: [25] }));
for (const t of threads) t.start();
for (const t of threads) t.join();

print(`count = ${count.value}`);
