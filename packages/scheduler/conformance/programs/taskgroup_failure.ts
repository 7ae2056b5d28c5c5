import type { InterleaveModule } from "../../src/index";
import { async_ } from "../../src/testing";

type TaskGroup = InstanceType<InterleaveModule["asyncio"]["TaskGroup"]>;

export default ({ asyncio, print, ValueError, ExceptionGroup, repr }: InterleaveModule) => {
  const cleaned: string[] = [];

  const slow = async_("slow", function* (name: string) {
    try {
      yield asyncio.sleep(5);
    } finally {
      // The group cancels its tasks in set order: record, sort, then print.
      cleaned.push(`${name} at ${asyncio.get_running_loop().time().toFixed(1)}`);
    }
  });

  const failing = async_("failing", function* (delay: number, message: string) {
    yield asyncio.sleep(delay);
    throw new ValueError(message);
  });

  const main = async_("main", function* () {
    try {
      yield asyncio.TaskGroup.run(
        async_("body", function* (tg: TaskGroup) {
          tg.create_task(slow("s1"));
          tg.create_task(failing(1, "first"));
          tg.create_task(failing(1, "second"));
          tg.create_task(slow("s2"));
          yield asyncio.sleep(10);
          print("never printed");
        }),
      );
    } catch (eg) {
      if (!(eg instanceof ExceptionGroup)) throw eg;
      print(`caught: ${eg.message}`);
      for (const e of eg.exceptions) print(`  ${repr(e)}`);
    }
    print(`cleaned up: ${repr(cleaned.sort())}`);
    print(`main goes on at ${asyncio.get_running_loop().time().toFixed(1)}`);
  });

  asyncio.run(main());
};
