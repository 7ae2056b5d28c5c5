import type { InterleaveModule } from "../../src/index";
import { async_ } from "../../src/testing";

export default ({ asyncio, print }: InterleaveModule) => {
  const important = async_("important", function* () {
    yield asyncio.sleep(2);
    print("important work finished");
    return "saved";
  });

  const main = async_("main", function* () {
    const inner = asyncio.create_task(important());
    const outer = asyncio.shield(inner);
    yield asyncio.sleep(1);
    outer.cancel();
    try {
      yield outer;
    } catch (e) {
      if (!(e instanceof asyncio.CancelledError)) throw e;
      print("the shield was cancelled");
    }
    print(`inner cancelled: ${inner.cancelled() ? "True" : "False"}`);
    print(`inner result: ${yield inner}`);
  });

  asyncio.run(main());
};
