import type { InterleaveModule } from "../../src/index";
import { async_ } from "../../src/testing";

export default ({ asyncio, print }: InterleaveModule) => {
  const py = (b: boolean) => (b ? "True" : "False");

  const child = async_("child", function* (name: string) {
    try {
      yield asyncio.sleep(10);
    } catch (e) {
      if (e instanceof asyncio.CancelledError) print(`${name} cancelled`);
      throw e;
    } finally {
      print(`${name} cleans up`);
    }
  });

  const main = async_("main", function* () {
    const g = asyncio.gather(child("a"), child("b"));
    yield asyncio.sleep(1);
    print(`cancel returned ${py(g.cancel())}`);
    try {
      yield g;
    } catch (e) {
      if (!(e instanceof asyncio.CancelledError)) throw e;
      print("gather was cancelled");
    }
    print(`gather cancelled: ${py(g.cancelled())}`);
  });

  asyncio.run(main());
};
