import type { InterleaveModule } from "../../src/index";
import { async_ } from "../../src/testing";

type Barrier = InstanceType<InterleaveModule["asyncio"]["Barrier"]>;

export default ({ asyncio, print }: InterleaveModule) => {
  const runner = async_("runner", function* (name: string, barrier: Barrier, delays: number[]) {
    for (const [roundNo, delay] of delays.entries()) {
      yield asyncio.sleep(delay);
      print(`${name} arrives for round ${roundNo}`);
      const index = yield barrier.wait();
      print(`${name} passes round ${roundNo} (index ${index})`);
    }
  });

  const main = async_("main", function* () {
    const barrier = new asyncio.Barrier(3);
    yield asyncio.gather(
      runner("a", barrier, [0.5, 1]),
      runner("b", barrier, [1, 0.25]),
      runner("c", barrier, [0.25, 0.5]),
    );
    print(
      `parties ${barrier.parties}, waiting ${barrier.n_waiting}, broken ${barrier.broken ? "True" : "False"}`,
    );
  });

  asyncio.run(main());
};
