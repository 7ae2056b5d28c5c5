import type { InterleaveModule } from "../../src/index";
import { async_ } from "../../src/testing";

export default ({ asyncio, print }: InterleaveModule) => {
  const py = (b: boolean) => (b ? "True" : "False");

  const never = async_("never", function* () {
    print("never runs");
  });

  const main = async_("main", function* () {
    const t = asyncio.create_task(never());
    print(`cancel: ${py(t.cancel())}`);
    print(`cancel again: ${py(t.cancel())}`);
    yield asyncio.sleep(0);
    print(`done: ${py(t.done())}, cancelled: ${py(t.cancelled())}`);
    print(`cancel after done: ${py(t.cancel())}`);
  });

  asyncio.run(main());
};
