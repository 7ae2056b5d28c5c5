import { asyncio, print } from "interleave";

function schedule_countdown(loop: asyncio.EventLoop, done: asyncio.Future) {
  loop.call_later(1, () => print("3"));
  loop.call_later(2, () => print("2"));
  loop.call_later(3, () => print("1"));
  loop.call_later(4, () => print("liftoff!")); // main waits on done for ever
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
