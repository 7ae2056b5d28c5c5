import type { InterleaveModule } from "../../src/index";
import { async_ } from "../../src/testing";

export default ({ asyncio, print }: InterleaveModule) => {
  const slow = async_("slow", function* () {
    try {
      yield asyncio.sleep(5);
      return "slow result";
    } finally {
      print("slow cleans up");
    }
  });

  const fast = async_("fast", function* () {
    yield asyncio.sleep(0.5);
    return "fast result";
  });

  const main = async_("main", function* () {
    print(yield asyncio.wait_for(fast(), 1));
    try {
      yield asyncio.wait_for(slow(), 1);
    } catch (e) {
      if (!(e instanceof asyncio.TimeoutError)) throw e;
      print("slow timed out");
    }
    print(yield asyncio.wait_for(fast(), null));
    try {
      yield asyncio.wait_for(slow(), 0);
    } catch (e) {
      if (!(e instanceof asyncio.TimeoutError)) throw e;
      print("zero timeout");
    }
  });

  asyncio.run(main());
};
