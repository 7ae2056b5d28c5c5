import type { InterleaveModule } from "../../src/index";
import { async_ } from "../../src/testing";

export default ({ asyncio, print, ValueError }: InterleaveModule) => {
  const helper = async_("helper", function* () {
    yield asyncio.sleep(0.5);
    print("helper finished");
  });

  const main = async_("main", function* () {
    asyncio.create_task(helper());
    yield asyncio.sleep(1);
    print("main about to fail");
    throw new ValueError("something went wrong");
  });

  asyncio.run(main());
};
