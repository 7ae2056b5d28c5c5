import type { InterleaveModule } from "../../src/index";
import { async_ } from "../../src/testing";

export default ({ asyncio, print }: InterleaveModule) => {
  const background = async_("background", function* () {
    try {
      for (;;) {
        print(`background works at ${asyncio.get_running_loop().time().toFixed(1)}`);
        yield asyncio.sleep(0.4);
      }
    } finally {
      print("background is cancelled by asyncio.run");
    }
  });

  const main = async_("main", function* () {
    asyncio.create_task(background());
    yield asyncio.sleep(1);
    print("main returns");
    return "main's value";
  });

  print(asyncio.run(main()));
};
