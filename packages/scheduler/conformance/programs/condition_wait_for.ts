import type { InterleaveModule } from "../../src/index";
import { async_ } from "../../src/testing";

export default ({ asyncio, print }: InterleaveModule) => {
  const main = async_("main", function* () {
    const cond = new asyncio.Condition();
    const state = { count: 0 };

    const incrementer = async_("incrementer", function* () {
      for (let i = 0; i < 5; i++) {
        yield asyncio.sleep(0.5);
        yield cond.acquire();
        try {
          state.count += 1;
          print(`count is ${state.count}`);
          cond.notify_all();
        } finally {
          cond.release();
        }
      }
    });

    const watcher = async_("watcher", function* () {
      yield cond.acquire();
      try {
        const result = yield cond.wait_for(() => state.count >= 3);
        const t = asyncio.get_running_loop().time().toFixed(1);
        print(`watcher saw count >= 3 (${result ? "True" : "False"}) at ${t}`);
      } finally {
        cond.release();
      }
    });

    yield asyncio.gather(incrementer(), watcher());
  });

  asyncio.run(main());
};
