import { print, threading, time } from "interleave";

const log: string[] = []; // one list, shared by all the threads

async function worker(name: string, seconds: number) {
  log.push(`${name} in`);
  await time.sleep(seconds);
  log.push(`${name} out`);
  print(`${name} sees ${log.length} entries`);
}

const a = new threading.Thread({ target: worker, args: ["a", 2] });
const b = new threading.Thread({ target: worker, args: ["b", 1] });
a.start();
b.start();
time.sleep(0.5);
print(`main sees ${log.length} entries`);
a.join();
print(`after joining a, the last entry is '${log[log.length - 1]}'`);
b.join();
print(`after joining b, main sees ${log.length} entries`);

// Your prediction: the lines the program prints, in the order it prints them.
// Replace the question marks (add or remove lines as needed), then press Run to check.
const prediction: string[] = [
  "main sees 2 entries",
  "b sees 3 entries",
  "a sees 4 entries",
  "after joining a, the last entry is 'a out'",
  "after joining b, main sees 4 entries",
  "main sees 4 entries",
];

export default prediction;
