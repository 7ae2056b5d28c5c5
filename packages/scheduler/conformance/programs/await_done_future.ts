import type { InterleaveModule } from "../../src/index";
import { async_ } from "../../src/testing";

export default ({ asyncio, print }: InterleaveModule) => {
  const quick = async_("quick", function* () {
    return "quick result";
  });

  const other = async_("other", function* () {
    print("other runs");
  });

  const main = async_("main", function* () {
    const t = asyncio.create_task(quick());
    const o = asyncio.create_task(other());
    yield asyncio.sleep(0);
    print(`quick done: ${t.done() ? "True" : "False"}`);
    print(`awaiting a done task: ${yield t}`);
    const fut = asyncio.get_running_loop().create_future<number>();
    fut.set_result(5);
    print(`awaiting a done future: ${yield fut}`);
    print("no yield happened in between");
    yield o;
  });

  asyncio.run(main());
};
