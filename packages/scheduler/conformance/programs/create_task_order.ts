import type { InterleaveModule } from "../../src/index";
import { async_ } from "../../src/testing";

export default ({ asyncio, print }: InterleaveModule) => {
  const job = async_("job", function* (n: number) {
    print(`job ${n} starts`);
    yield asyncio.sleep(0.1 * (3 - n));
    print(`job ${n} ends`);
    return n * 10;
  });

  const main = async_("main", function* () {
    const tasks = [0, 1, 2].map((n) => asyncio.create_task(job(n)));
    print("tasks created");
    for (const t of [...tasks].reverse()) print(`${t.get_name()} -> ${yield t}`);
  });

  asyncio.run(main());
};
