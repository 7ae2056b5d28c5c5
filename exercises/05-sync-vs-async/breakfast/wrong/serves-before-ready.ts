import { asyncio, print } from "interleave";

async function boil_water() {
  print("kettle on");
  await asyncio.sleep(3);
  print("water boiled");
}

// Needs boiled water: call it only after boil_water() has finished.
async function brew_coffee() {
  print("pouring water on the coffee");
  await asyncio.sleep(1);
  print("coffee ready");
}

async function make_toast() {
  print("bread in the toaster");
  await asyncio.sleep(2);
  print("toast ready");
}

async function fry_egg() {
  print("egg in the pan");
  await asyncio.sleep(2);
  print("egg ready");
}

async function make_coffee() {
  await boil_water();
  await brew_coffee();
}

async function main() {
  asyncio.create_task(make_coffee());
  asyncio.create_task(make_toast());
  asyncio.create_task(fry_egg());
  // Nothing waits for the three tasks.
  print("breakfast is served");
  await asyncio.sleep(4);
}

asyncio.run(main());
