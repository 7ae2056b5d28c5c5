import { print, threading, time, work } from "interleave";

async function download_data() {
  await time.sleep(2); // waiting for the server
  print(`data downloaded at ${time.monotonic()} s`);
}

async function build_report() {
  await work(2); // computing
  print(`report built at ${time.monotonic()} s`);
}

// The download waits without the GIL, so the report has the GIL to itself meanwhile.
const jobs = [download_data, build_report].map((job) => new threading.Thread({ target: job }));
for (const t of jobs) t.start();
for (const t of jobs) t.join();
print(`ready at ${time.monotonic()} s`);
