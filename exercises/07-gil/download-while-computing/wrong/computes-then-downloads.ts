import { print, threading, time, work } from "interleave";

async function download_data() {
  await time.sleep(2); // waiting for the server
  print(`data downloaded at ${time.monotonic()} s`);
}

async function build_report() {
  await work(2); // computing
  print(`report built at ${time.monotonic()} s`);
}

// Both in threads, but the main thread joins the report before it even starts the download.
const report = new threading.Thread({ target: build_report });
report.start();
report.join();
const download = new threading.Thread({ target: download_data });
download.start();
download.join();
print(`ready at ${time.monotonic()} s`);
