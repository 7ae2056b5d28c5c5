import type { InterleaveModule } from "../../src/index";
import { async_ } from "../../src/testing";

export default ({ asyncio, print }: InterleaveModule) => {
  const worker = async_("worker", function* () {
    try {
      yield asyncio.sleep(10);
    } catch (e) {
      if (e instanceof asyncio.CancelledError) print(`worker got: ${e.message}`);
      throw e;
    }
  });

  const main = async_("main", function* () {
    const t = asyncio.create_task(worker());
    yield asyncio.sleep(0.1);
    t.cancel("shutting down");
    try {
      yield t;
    } catch (e) {
      if (!(e instanceof asyncio.CancelledError)) throw e;
      print(`main got: ${e.message}`);
    }
  });

  asyncio.run(main());
};
