import type { InterleaveModule } from "../../src/index";
import { async_ } from "../../src/testing";

export default ({ asyncio, print }: InterleaveModule) => {
  const sleeper = async_("sleeper", function* (name: string, delays: number[]) {
    for (const d of delays) yield asyncio.sleep(d);
    print(`${name} woke`);
  });

  const main = async_("main", function* () {
    // x, y, z and u all sleep 1 s from the same instant: they wake in the order they slept.
    const tasks = ["x", "y", "z"].map((n) => asyncio.create_task(sleeper(n, [1])));
    tasks.push(asyncio.create_task(sleeper("w", [0.25, 0.5])));
    tasks.push(asyncio.create_task(sleeper("u", [1])));
    yield asyncio.sleep(0.5);
    tasks.push(asyncio.create_task(sleeper("v", [0.75])));
    yield asyncio.gather(...tasks);
    print("all woke");
  });

  asyncio.run(main());
};
