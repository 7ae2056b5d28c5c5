import { concurrent, print, threading, time } from "interleave";

// Eight photos on a server that accepts at most 3 connections at once.
// The big ones take 2 virtual seconds to download, the others 1.
const photos = ["p1.jpg", "p2-big.jpg", "p3.jpg", "p4.jpg", "p5-big.jpg", "p6.jpg", "p7.jpg", "p8.jpg"];

async function download(name: string) {
  print(`start ${name}`);
  await time.sleep(name.includes("big") ? 2 : 1);
  print(`done ${name}`);
  return name.length;
}

// Three at a time, in batches: the next batch waits for the slowest photo of the last one.
for (let i = 0; i < photos.length; i += 3) {
  const batch = photos
    .slice(i, i + 3)
    .map((name) => new threading.Thread({ target: download, args: [name] }));
  for (const t of batch) t.start();
  for (const t of batch) t.join();
}
print("all photos downloaded");
