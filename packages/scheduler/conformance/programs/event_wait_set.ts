import type { InterleaveModule } from "../../src/index";
import { async_ } from "../../src/testing";

type Event = InstanceType<InterleaveModule["asyncio"]["Event"]>;

export default ({ asyncio, print }: InterleaveModule) => {
  const py = (b: boolean) => (b ? "True" : "False");

  const waiter = async_("waiter", function* (name: string, event: Event) {
    print(`${name} waits`);
    yield event.wait();
    print(`${name} proceeds`);
  });

  const main = async_("main", function* () {
    const event = new asyncio.Event();
    const tasks = ["a", "b", "c"].map((n) => asyncio.create_task(waiter(n, event)));
    yield asyncio.sleep(1);
    print("setting the event");
    event.set();
    print(`is_set: ${py(event.is_set())}`);
    yield asyncio.gather(...tasks);
    print(`late waiter returns at once: ${py(yield event.wait())}`);
    event.clear();
    const late = asyncio.create_task(waiter("d", event));
    yield asyncio.sleep(0.5);
    event.set();
    yield late;
  });

  asyncio.run(main());
};
