import { print, threading, time, work } from "interleave";

async function download_data() {
  await time.sleep(2); // waiting for the server
  print(`data downloaded at ${time.monotonic()} s`);
}

async function build_report() {
  await work(2); // computing
  print(`report built at ${time.monotonic()} s`);
}

// TODO: the two jobs run one after the other. Make them overlap.
for (const job of [download_data, build_report]) {
  const t = new threading.Thread({ target: job });
  t.start();
  t.join();
}
print(`ready at ${time.monotonic()} s`);
