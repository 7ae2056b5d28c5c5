import { print, threading, time } from "interleave";

// The server allows at most two downloads at a time from one client.

async function download(file: string, seconds: number) {
  // Each thread counts its own two slots: nobody ever waits.
  const slots = new threading.Semaphore(2);
  await slots.acquire();
  print(`start ${file}`);
  await time.sleep(seconds); // the transfer
  print(`done ${file}`);
  slots.release();
}

// Each file and how many seconds it takes to download.
const files: [string, number][] = [
  ["a.zip", 2],
  ["b.zip", 1],
  ["c.zip", 1],
  ["d.zip", 2],
  ["e.zip", 1],
  ["f.zip", 1],
];
const threads = files.map((f) => new threading.Thread({ target: download, args: f }));
for (const t of threads) t.start();
for (const t of threads) t.join();
print("all downloaded");
