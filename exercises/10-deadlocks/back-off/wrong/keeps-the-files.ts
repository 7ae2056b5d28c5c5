import { print, threading, time } from "interleave";

const files = new threading.Lock();
const db = new threading.Lock();

// Someone else's code: leave migration as it is.
async function migration() {
  await db.acquire();
  print("migration starts");
  await time.sleep(1);
  await files.acquire(); // it needs the files too
  print("migration writes files");
  files.release();
  db.release();
  print("migration done");
}

// Your code: the nightly backup.
async function backup() {
  await files.acquire();
  while (true) {
    print("backup starts");
    await time.sleep(0.5);
    // Gives up on the database after 2 s, but never lets go of the files while it waits.
    if (await db.acquire(true, 2)) break;
    print("backup postponed");
    await time.sleep(1);
  }
  print("backup copies the database");
  db.release();
  files.release();
  print("backup done");
}

const threads = [
  new threading.Thread({ target: migration, name: "migration" }),
  new threading.Thread({ target: backup, name: "backup" }),
];
for (const t of threads) t.start();
for (const t of threads) t.join();
