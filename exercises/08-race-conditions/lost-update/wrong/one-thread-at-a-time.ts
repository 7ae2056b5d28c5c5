import { print, threading } from "interleave";

const count = threading.shared(0, "count");

async function add_visits(times: number) {
  for (let i = 0; i < times; i++) {
    const seen = await count.load();
    await count.store(seen + 1);
  }
}

// No update is lost, but only because each thread finishes before the next one starts.
const threads = [1, 2, 3, 4].map(() => new threading.Thread({ target: add_visits, args: [25] }));
for (const t of threads) {
  t.start();
  t.join();
}

print(`count = ${count.value}`);
