import { asyncio, print } from "interleave";

// Schedule the countdown, then return at once (this is a plain function: it cannot await).
// At 1 s print "3", at 2 s "2", at 3 s "1", at 4 s "liftoff!", and then set done's result.
function schedule_countdown(loop: asyncio.EventLoop, done: asyncio.Future) {
  // TODO
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
