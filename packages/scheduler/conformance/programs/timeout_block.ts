import type { InterleaveModule } from "../../src/index";
import { async_ } from "../../src/testing";

type Timeout = InstanceType<InterleaveModule["asyncio"]["Timeout"]>;

export default ({ asyncio, print }: InterleaveModule) => {
  const py = (b: boolean) => (b ? "True" : "False");

  const main = async_("main", function* () {
    const loop = asyncio.get_running_loop();
    let cm: Timeout | null = null;
    try {
      yield asyncio.timeout(
        1,
        async_("block", function* (c: Timeout) {
          cm = c;
          print(`deadline ${c.when()!.toFixed(3)}`);
          yield asyncio.sleep(2);
        }),
      );
    } catch (e) {
      if (!(e instanceof asyncio.TimeoutError)) throw e;
      print(`timed out at ${loop.time().toFixed(3)}, expired: ${py(cm!.expired())}`);
    }

    const cm2 = asyncio.timeout(1);
    yield cm2.run(
      async_("block", function* () {
        yield asyncio.sleep(0.5);
      }),
    );
    print(`in time at ${loop.time().toFixed(3)}, expired: ${py(cm2.expired())}`);

    try {
      yield asyncio.timeout(
        null,
        async_("block", function* (c: Timeout) {
          c.reschedule(loop.time() + 0.25);
          yield asyncio.sleep(1);
        }),
      );
    } catch (e) {
      if (!(e instanceof asyncio.TimeoutError)) throw e;
      print(`rescheduled timeout at ${loop.time().toFixed(3)}`);
    }

    try {
      yield asyncio.timeout_at(
        loop.time() + 0.5,
        async_("block", function* () {
          try {
            yield asyncio.sleep(1);
          } finally {
            print("inner finally runs");
          }
        }),
      );
    } catch (e) {
      if (!(e instanceof asyncio.TimeoutError)) throw e;
      print(`timeout_at fired at ${loop.time().toFixed(3)}`);
    }
  });

  asyncio.run(main());
};
