import type { InterleaveModule } from "../../src/index";
import { async_ } from "../../src/testing";

export default ({ asyncio, print }: InterleaveModule) => {
  const worker = async_("worker", function* () {
    try {
      print("worker sleeping");
      yield asyncio.sleep(5);
      print("never printed");
    } finally {
      print("worker cleanup starts");
      yield asyncio.sleep(0.5);
      print("worker cleanup done");
    }
  });

  const main = async_("main", function* () {
    const t = asyncio.create_task(worker());
    yield asyncio.sleep(1);
    t.cancel();
    print(`cancelling: ${t.cancelling()}`);
    try {
      yield t;
    } catch (e) {
      if (!(e instanceof asyncio.CancelledError)) throw e;
      print("main saw the cancellation");
    }
    print(`cancelled: ${t.cancelled() ? "True" : "False"}`);
  });

  asyncio.run(main());
};
