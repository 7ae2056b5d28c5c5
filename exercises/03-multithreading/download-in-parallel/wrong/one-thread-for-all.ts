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

// One thread that downloads everything: still one wait after another.
async function download_all() {
  for (const [name, seconds] of reports) await download(name, seconds);
}
const t = new threading.Thread({ target: download_all });
t.start();
t.join();
print("all reports downloaded");
