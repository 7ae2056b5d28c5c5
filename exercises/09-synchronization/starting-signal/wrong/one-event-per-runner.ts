import { print, threading, time } from "interleave";

// The starting gun: every runner waits on it, and set() wakes them all at once.
const gun = new threading.Event();

async function runner(name: string) {
  // Each runner listens to its own gun, which nobody ever fires.
  const myGun = new threading.Event();
  await myGun.wait();
  print(`${name} starts`);
}

const runners = ["ada", "bo", "cy"].map(
  (name) => new threading.Thread({ target: runner, args: [name], name }),
);
for (const r of runners) r.start();

time.sleep(1);
print("ready");
time.sleep(1);
print("go!");
gun.set();

for (const r of runners) r.join();
