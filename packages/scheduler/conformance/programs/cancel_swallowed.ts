import type { InterleaveModule } from "../../src/index";
import { async_ } from "../../src/testing";

export default ({ asyncio, print }: InterleaveModule) => {
  const stubborn = async_("stubborn", function* () {
    try {
      yield asyncio.sleep(10);
    } catch (e) {
      if (!(e instanceof asyncio.CancelledError)) throw e;
      print("stubborn ignores the cancellation");
    }
    yield asyncio.sleep(1);
    return "finished anyway";
  });

  const main = async_("main", function* () {
    const t = asyncio.create_task(stubborn());
    yield asyncio.sleep(1);
    t.cancel();
    print(yield t);
    print(`cancelled: ${t.cancelled() ? "True" : "False"}, cancelling: ${t.cancelling()}`);
  });

  asyncio.run(main());
};
