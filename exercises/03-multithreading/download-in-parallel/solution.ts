import { print, threading, time } from "interleave";

// Five reports to fetch, and how long each server takes to send it.
const reports: [string, number][] = [
  ["january.csv", 2],
  ["february.csv", 3],
  ["march.csv", 1],
  ["april.csv", 2],
  ["may.csv", 2],
];

async function download(name: string, seconds: number) {
  await time.sleep(seconds); // waiting for the server
  print(`saved ${name}`);
}

const threads = reports.map(
  ([name, seconds]) => new threading.Thread({ target: download, args: [name, seconds] }),
);
for (const t of threads) t.start(); // every download starts waiting now...
for (const t of threads) t.join(); // ...and the main thread waits for all of them
print("all reports downloaded");
