import { asyncio, print } from "interleave";

async function main() {
  const cond = new asyncio.Condition();
  const state = { count: 0 };

  async function incrementer() {
    for (let i = 0; i < 5; i++) {
      await asyncio.sleep(0.5);
      await cond.acquire();
      try {
        state.count += 1;
        print(`count is ${state.count}`);
        cond.notify_all();
      } finally {
        cond.release();
      }
    }
  }

  async function watcher() {
    await cond.acquire();
    try {
      const result = await cond.wait_for(() => state.count >= 3);
      const t = asyncio.get_running_loop().time().toFixed(1);
      print(`watcher saw count >= 3 (${result ? "True" : "False"}) at ${t}`);
    } finally {
      cond.release();
    }
  }

  await asyncio.gather(incrementer(), watcher());
}

asyncio.run(main());
