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

for (const [name, seconds] of reports) {
  const t = new threading.Thread({ target: download, args: [name, seconds] });
  t.start();
  t.join(); // waits for this download before starting the next
}
print("all reports downloaded");
