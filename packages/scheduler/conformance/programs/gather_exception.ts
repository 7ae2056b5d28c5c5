import { asyncio, KeyError, print, repr } from "interleave";

async function ok(name: string, delay: number) {
  await asyncio.sleep(delay);
  print(`${name} finished`);
  return name;
}

async function fail(delay: number) {
  await asyncio.sleep(delay);
  throw new KeyError("missing");
}

async function main() {
  try {
    await asyncio.gather(ok("a", 1), fail(0.5), ok("b", 2));
  } catch (e) {
    if (!(e instanceof KeyError)) throw e;
    print(`gather raised KeyError ${repr(e.message)}`);
  }
  await asyncio.sleep(3);
  print("main done");
}

asyncio.run(main());
