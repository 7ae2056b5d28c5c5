import { print, threading, time, work } from "interleave";

async function download_data() {
  await time.sleep(2); // waiting for the server
  print(`data downloaded at ${time.monotonic()} s`);
}

async function build_report() {
  await work(2); // computing
  print(`report built at ${time.monotonic()} s`);
}

async function half_report() {
  await work(1);
}

// Download first, then split the computing over two threads: they share one GIL.
const download = new threading.Thread({ target: download_data });
download.start();
download.join();
const halves = [1, 2].map(() => new threading.Thread({ target: half_report }));
for (const t of halves) t.start();
for (const t of halves) t.join();
print(`report built at ${time.monotonic()} s`);
print(`ready at ${time.monotonic()} s`);
