import type { InterleaveModule } from "../../src/index";
import { async_ } from "../../src/testing";

type TaskGroup = InstanceType<InterleaveModule["asyncio"]["TaskGroup"]>;
type Task = InstanceType<InterleaveModule["asyncio"]["Task"]>;

export default ({ asyncio, print }: InterleaveModule) => {
  const fetch = async_("fetch", function* (name: string, delay: number) {
    yield asyncio.sleep(delay);
    print(`fetched ${name}`);
    return name.toUpperCase();
  });

  const main = async_("main", function* () {
    let a: Task | undefined;
    let b: Task | undefined;
    yield asyncio.TaskGroup.run(
      async_("body", function* (tg: TaskGroup) {
        a = tg.create_task(fetch("a", 1));
        b = tg.create_task(fetch("b", 0.5), { name: "fetch-b" });
        print(`tasks started: ${a.get_name()}, ${b.get_name()}`);
      }),
    );
    print(`results ${a!.result()} ${b!.result()} at ${asyncio.get_running_loop().time().toFixed(1)}`);
  });

  asyncio.run(main());
};
