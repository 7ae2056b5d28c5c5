import { asyncio, print } from "interleave";

type Timeout = InstanceType<typeof asyncio.Timeout>;

const py = (b: boolean) => (b ? "True" : "False");

async function main() {
  const loop = asyncio.get_running_loop();
  let cm: Timeout | null = null;
  try {
    await asyncio.timeout(1, async (c: Timeout) => {
      cm = c;
      print(`deadline ${c.when()!.toFixed(3)}`);
      await asyncio.sleep(2);
    });
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    print(`timed out at ${loop.time().toFixed(3)}, expired: ${py(cm!.expired())}`);
  }

  const cm2 = asyncio.timeout(1);
  await cm2.run(async () => {
    await asyncio.sleep(0.5);
  });
  print(`in time at ${loop.time().toFixed(3)}, expired: ${py(cm2.expired())}`);

  try {
    await asyncio.timeout(null, async (c: Timeout) => {
      c.reschedule(loop.time() + 0.25);
      await asyncio.sleep(1);
    });
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    print(`rescheduled timeout at ${loop.time().toFixed(3)}`);
  }

  try {
    await asyncio.timeout_at(loop.time() + 0.5, async () => {
      try {
        await asyncio.sleep(1);
      } finally {
        print("inner finally runs");
      }
    });
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    print(`timeout_at fired at ${loop.time().toFixed(3)}`);
  }
}

asyncio.run(main());
