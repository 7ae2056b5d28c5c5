import { print, threading, time } from "interleave";

// Has the starter fired? The runners keep looking.
const fired = threading.shared(false, "fired");

async function runner(name: string) {
  while (!(await fired.load())) {
    await time.sleep(0.3); // look again in a moment
  }
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
fired.store(true);

for (const r of runners) r.join();
