import type { InterleaveModule } from "../../src/index";
import { async_ } from "../../src/testing";

type Event = InstanceType<InterleaveModule["asyncio"]["Event"]>;

export default ({ asyncio, print }: InterleaveModule) => {
  const first = async_("first", function* (a: Event, b: Event) {
    print("first waits for b");
    yield b.wait();
    a.set();
  });

  const second = async_("second", function* (a: Event, b: Event) {
    print("second waits for a");
    yield a.wait();
    b.set();
  });

  const main = async_("main", function* () {
    const a = new asyncio.Event();
    const b = new asyncio.Event();
    yield asyncio.sleep(1);
    yield asyncio.gather(first(a, b), second(a, b));
    print("never printed");
  });

  asyncio.run(main());
};
