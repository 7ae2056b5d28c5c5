import type { InterleaveModule } from "../../src/index";
import { async_ } from "../../src/testing";

export default ({ asyncio, print }: InterleaveModule) => {
  const worker = async_("worker", function* () {
    print("worker step 1");
    yield asyncio.sleep(0);
    print("worker step 2");
  });

  const main = async_("main", function* () {
    const loop = asyncio.get_running_loop();
    const cb = (name: string) => {
      print(`callback ${name}`);
      if (name === "a") loop.call_soon(cb, "a2");
    };
    loop.call_soon(cb, "a");
    loop.call_soon(cb, "b");
    const task = asyncio.create_task(worker());
    loop.call_soon(cb, "c");
    print("main before sleep(0)");
    yield asyncio.sleep(0);
    print("main after sleep(0)");
    yield asyncio.sleep(0);
    print("main after second sleep(0)");
    yield task;
  });

  asyncio.run(main());
};
