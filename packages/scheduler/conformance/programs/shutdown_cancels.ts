import { asyncio, print } from "interleave";

async function background() {
  try {
    for (;;) {
      print(`background works at ${asyncio.get_running_loop().time().toFixed(1)}`);
      await asyncio.sleep(0.4);
    }
  } finally {
    print("background is cancelled by asyncio.run");
  }
}

async function main() {
  asyncio.create_task(background());
  await asyncio.sleep(1);
  print("main returns");
  return "main's value";
}

print(asyncio.run(main()));
