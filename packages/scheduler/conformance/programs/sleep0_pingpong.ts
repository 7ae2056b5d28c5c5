import type { InterleaveModule } from "../../src/index";
import { async_ } from "../../src/testing";

export default ({ asyncio, print }: InterleaveModule) => {
  const player = async_("player", function* (name: string, turns: number) {
    for (let i = 0; i < turns; i++) {
      print(`${name} ${i}`);
      yield asyncio.sleep(0);
    }
    print(`${name} done`);
  });

  const main = async_("main", function* () {
    yield asyncio.gather(player("ping", 3), player("pong", 2), player("pang", 1));
  });

  asyncio.run(main());
};
