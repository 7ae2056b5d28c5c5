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

// Three workers take the photos one after another: never more than 3 connections.
const pool = new concurrent.futures.ThreadPoolExecutor(3);
pool.map(download, photos);
pool.shutdown();
print("all photos downloaded");
