/**
 * The grader's race fixture: two threads each add 1 to a shared counter three times, reading it
 * and writing it back as two steps, so an update can be lost unless a lock holds them together.
 * Prints "count = 6" when no update was lost. Used by the tests and the bench.
 */
export const counterProgram = (locked: boolean) => `import { print, threading } from "interleave";
const count = threading.shared(0, "count");
const lock = new threading.Lock();
async function increment() {
  for (let i = 0; i < 3; i++) {
    ${locked ? "await lock.acquire();" : ""}
    const v = await count.load();
    await count.store(v + 1);
    ${locked ? "lock.release();" : ""}
  }
}
const a = new threading.Thread({ target: increment });
const b = new threading.Thread({ target: increment });
a.start();
b.start();
a.join();
b.join();
print("count = " + count.value);
`;
