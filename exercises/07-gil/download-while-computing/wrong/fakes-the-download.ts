import { print, threading, time, work } from "interleave";

async function download_data() {
  await time.sleep(2); // waiting for the server
  print(`data downloaded at ${time.monotonic()} s`);
}

async function build_report() {
  await work(2); // computing
  print(`report built at ${time.monotonic()} s`);
}

// The report in a thread; the "download" done by the main thread itself with a sleep.
const report = new threading.Thread({ target: build_report });
report.start();
time.sleep(2);
print(`data downloaded at ${time.monotonic()} s`);
report.join();
print(`ready at ${time.monotonic()} s`);
