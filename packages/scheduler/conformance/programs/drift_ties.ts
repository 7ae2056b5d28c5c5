import type { InterleaveModule } from "../../src/index";
import { async_ } from "../../src/testing";

export default ({ asyncio, print }: InterleaveModule) => {
  const sleeper = async_("sleeper", function* (name: string, delays: number[]) {
    for (const d of delays) yield asyncio.sleep(d);
    print(`${name} woke`);
  });

  const main = async_("main", function* () {
    // All wake at t=1 by different paths: a chain of short sleeps ends a hair later than one
    // long sleep, because a real clock moves on at every hop.
    const tasks = [
      asyncio.create_task(sleeper("x", [1])),
      asyncio.create_task(sleeper("y", [0.5, 0.5])),
      asyncio.create_task(sleeper("z", [1])),
      asyncio.create_task(sleeper("w", [0.25, 0.75])),
    ];
    yield asyncio.sleep(0.5);
    tasks.push(asyncio.create_task(sleeper("v", [0.5])));
    yield asyncio.gather(...tasks);
    print("all woke");
  });

  asyncio.run(main());
};
