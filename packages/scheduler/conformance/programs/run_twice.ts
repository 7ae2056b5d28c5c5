import type { InterleaveModule } from "../../src/index";
import { async_ } from "../../src/testing";

export default ({ asyncio, print }: InterleaveModule) => {
  const child = async_("child", function* () {
    yield asyncio.sleep(0.5);
    return "child";
  });

  const main = async_("main", function* (n: number) {
    const t = asyncio.create_task(child());
    print(`run ${n}: main is ${asyncio.current_task()!.get_name()}, child is ${t.get_name()}`);
    return `${yield t} of run ${n}`;
  });

  print(asyncio.run(main(1)));
  print(asyncio.run(main(2)));
};
