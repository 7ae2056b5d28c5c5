import type { InterleaveModule } from "../../src/index";
import { async_ } from "../../src/testing";

export default ({ asyncio, print, time }: InterleaveModule) => {
  const ticker = async_("ticker", function* () {
    for (let i = 0; i < 4; i++) {
      print(`tick ${i}`);
      yield asyncio.sleep(0.5);
    }
  });

  const blocker = async_("blocker", function* () {
    yield asyncio.sleep(0.75);
    print("blocker calls time.sleep(2): the whole loop stalls");
    time.sleep(2);
    print("blocker is back");
  });

  const main = async_("main", function* () {
    yield asyncio.gather(ticker(), blocker());
  });

  asyncio.run(main());
};
