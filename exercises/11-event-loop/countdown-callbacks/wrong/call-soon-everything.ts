import { asyncio, print } from "interleave";

function schedule_countdown(loop: asyncio.EventLoop, done: asyncio.Future) {
  // call_soon runs on the next pass of the loop: no waiting at all.
  loop.call_soon(() => print("3"));
  loop.call_soon(() => print("2"));
  loop.call_soon(() => print("1"));
  loop.call_soon(() => {
    print("liftoff!");
    done.set_result(null);
  });
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
