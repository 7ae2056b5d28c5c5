import type { InterleaveModule } from "../../src/index";
import { async_ } from "../../src/testing";

export default ({ asyncio, print, KeyError, repr }: InterleaveModule) => {
  const ok = async_("ok", function* (name: string, delay: number) {
    yield asyncio.sleep(delay);
    print(`${name} finished`);
    return name;
  });

  const fail = async_("fail", function* (delay: number) {
    yield asyncio.sleep(delay);
    throw new KeyError("missing");
  });

  const main = async_("main", function* () {
    try {
      yield asyncio.gather(ok("a", 1), fail(0.5), ok("b", 2));
    } catch (e) {
      if (!(e instanceof KeyError)) throw e;
      print(`gather raised KeyError ${repr(e.message)}`);
    }
    yield asyncio.sleep(3);
    print("main done");
  });

  asyncio.run(main());
};
