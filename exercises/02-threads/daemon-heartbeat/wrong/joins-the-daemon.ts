import { print, threading, time } from "interleave";

async function heartbeat() {
  while (true) {
    await time.sleep(1);
    print("backup still running");
  }
}

const beat = new threading.Thread({ target: heartbeat, daemon: true });
beat.start();

print("backup started");
time.sleep(3.5); // the backup itself: 3.5 virtual seconds of disk and network
print("backup finished");

beat.join(); // waits for a thread that never ends
