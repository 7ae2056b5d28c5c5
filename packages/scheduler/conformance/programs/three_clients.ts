import type { InterleaveModule } from "../../src/index";
import { async_ } from "../../src/testing";

export default ({ asyncio, print }: InterleaveModule) => {
  const handle = async_("handle", function* (name: string) {
    print(`${name} connected`);
    yield asyncio.sleep(1); // read the request
    print(`${name} processed`);
    yield asyncio.sleep(1); // send the response
    print(`${name} sent`);
  });

  const main = async_("main", function* () {
    yield asyncio.gather(handle("a"), handle("b"), handle("c"));
    print("all done");
  });

  asyncio.run(main());
};
