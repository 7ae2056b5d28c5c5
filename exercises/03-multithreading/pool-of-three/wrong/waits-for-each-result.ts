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

const pool = new concurrent.futures.ThreadPoolExecutor(3);
for (const name of photos) {
  const future = pool.submit(download, name);
  future.result(); // waits for this photo before submitting the next
}
pool.shutdown();
print("all photos downloaded");
