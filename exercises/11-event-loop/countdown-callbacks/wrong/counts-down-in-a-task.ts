import { asyncio, print } from "interleave";

// A task that sleeps between lines: right times, but no callbacks (and a task nobody awaits).
async function count(done: asyncio.Future) {
  for (const line of ["3", "2", "1"]) {
    await asyncio.sleep(1);
    print(line);
  }
  await asyncio.sleep(1);
  print("liftoff!");
  done.set_result(null);
}

function schedule_countdown(loop: asyncio.EventLoop, done: asyncio.Future) {
  asyncio.create_task(count(done));
}

async function main() {
  const loop = asyncio.get_running_loop();
  const done = loop.create_future();
  schedule_countdown(loop, done);
  print("countdown scheduled");
  await done;
  print("we have liftoff");
}

asyncio.run(main());
