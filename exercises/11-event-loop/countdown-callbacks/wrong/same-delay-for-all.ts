import { asyncio, print } from "interleave";

function schedule_countdown(loop: asyncio.EventLoop, done: asyncio.Future) {
  // Each call_later counts from now, not from the previous callback: all fire at 1 s.
  loop.call_later(1, () => print("3"));
  loop.call_later(1, () => print("2"));
  loop.call_later(1, () => print("1"));
  loop.call_later(1, () => {
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
