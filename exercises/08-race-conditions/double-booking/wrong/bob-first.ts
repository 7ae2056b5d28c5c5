import { print, threading } from "interleave";

// ---- Your answer: who takes each step, in order. ------------------------------------------
// Each entry lets that buyer take one step. A buyer has two steps: "check" (is a seat left?)
// and, if there was one, "take" (read the seat count again and write it back one lower).
// Bob goes first this time, but he still finishes before alice looks.
const schedule: string[] = ["bob", "bob", "alice"];
// ---------------------------------------------------------------------------------------------

const seats = threading.shared(1, "seats");

// The turnstile: a buyer waits here until the schedule says it is its turn, then takes its
// step while no one else can. (It is built with a Condition, which the synchronization module
// explains; you only need to edit the schedule above.)
const turns = new threading.Condition();
let next = 0;
async function step<T>(name: string, action: () => Promise<T>): Promise<T> {
  return await turns.with(async () => {
    await turns.wait_for(() => next >= schedule.length || schedule[next] === name);
    const result = await action();
    next++;
    turns.notify_all();
    return result;
  });
}

async function buy(name: string) {
  // Step 1, "check": is a seat left?
  const left = await step(name, async () => await seats.load());
  if (left > 0) {
    // Step 2, "take": read the seat count again and write it back one lower.
    await step(name, async () => {
      const now = await seats.load();
      await seats.store(now - 1);
    });
    print(`${name} gets a seat`);
  } else {
    print(`${name}: sold out`);
  }
}

const buyers = ["alice", "bob"].map((name) => new threading.Thread({ target: buy, args: [name], name }));
for (const b of buyers) b.start();
for (const b of buyers) b.join();
print(`seats left: ${seats.value}`);
