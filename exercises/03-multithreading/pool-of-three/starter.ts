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

// One thread per photo: 8 connections at once, and the server allows 3.
const threads = photos.map((name) => new threading.Thread({ target: download, args: [name] }));
for (const t of threads) t.start();
for (const t of threads) t.join();
print("all photos downloaded");
