import type { InterleaveModule } from "../../src/index";
import { async_ } from "../../src/testing";

export default ({ asyncio, print, time, work }: InterleaveModule) => {
  const heartbeat = async_("heartbeat", function* () {
    for (let i = 0; i < 3; i++) {
      print(`heartbeat ${i} at ${time.monotonic().toFixed(2)}`);
      yield asyncio.sleep(1);
    }
  });

  const cruncher = async_("cruncher", function* () {
    print("crunching numbers for 1.5 s of CPU");
    work(1.5);
    print("crunching done");
  });

  const main = async_("main", function* () {
    yield asyncio.gather(heartbeat(), cruncher());
  });

  print("setting up takes 0.25 s of CPU before the loop starts");
  work(0.25);
  asyncio.run(main());
  print(`finished at ${time.monotonic().toFixed(2)}`);
};
