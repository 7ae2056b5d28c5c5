import type { InterleaveModule } from "../../src/index";
import { async_ } from "../../src/testing";

export default ({ asyncio, print }: InterleaveModule) => {
  const leaf = async_("leaf", function* (n: number) {
    print(`leaf ${n}`);
    return n + 1;
  });

  const middle = async_("middle", function* (n: number) {
    const a = yield leaf(n);
    const b = yield leaf(a);
    return b;
  });

  const ticker = async_("ticker", function* () {
    for (let i = 0; i < 3; i++) {
      print(`tick ${i}`);
      yield asyncio.sleep(0);
    }
  });

  const main = async_("main", function* () {
    const t = asyncio.create_task(ticker());
    yield asyncio.sleep(0);
    print("main awaits coroutines inline");
    const r = yield middle(1);
    print(`middle returned ${r} without yielding to ticker`);
    yield asyncio.sleep(0);
    print("main yielded once");
    yield t;
  });

  asyncio.run(main());
};
