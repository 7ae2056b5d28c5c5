import type { InterleaveModule } from "../../src/index";
import { async_ } from "../../src/testing";

export default ({ asyncio, print }: InterleaveModule) => {
  const save = async_("save", function* (item: string) {
    yield asyncio.sleep(0.1);
    print(`saved ${item}`);
  });

  const main = async_("main", function* () {
    save("a"); // forgot await: nothing happens, Python warns "coroutine 'save' was never awaited"
    yield save("b");
    const t = asyncio.create_task(save("c")); // a task runs even if nobody awaits it...
    yield asyncio.sleep(1);
    print(`c saved anyway: ${t.done() ? "True" : "False"}`);
  });

  asyncio.run(main());
};
