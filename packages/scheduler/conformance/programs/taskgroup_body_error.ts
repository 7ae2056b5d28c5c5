import type { InterleaveModule } from "../../src/index";
import { async_ } from "../../src/testing";

type TaskGroup = InstanceType<InterleaveModule["asyncio"]["TaskGroup"]>;

export default ({ asyncio, print, KeyError, ExceptionGroup, repr }: InterleaveModule) => {
  const cancelled: string[] = [];

  const child = async_("child", function* (name: string) {
    try {
      yield asyncio.sleep(3);
      print(`${name} finished`);
    } catch (e) {
      if (e instanceof asyncio.CancelledError) cancelled.push(name); // CPython cancels in set order
      throw e;
    }
  });

  const main = async_("main", function* () {
    try {
      yield asyncio.TaskGroup.run(
        async_("body", function* (tg: TaskGroup) {
          tg.create_task(child("c1"));
          tg.create_task(child("c2"));
          yield asyncio.sleep(1);
          throw new KeyError("body failed");
        }),
      );
    } catch (eg) {
      if (!(eg instanceof ExceptionGroup)) throw eg;
      print(`caught ${eg.message} with ${repr(eg.exceptions.map((e) => (e as Error).name))}`);
    }
    print(`cancelled: ${repr(cancelled.sort())}`);
  });

  asyncio.run(main());
};
