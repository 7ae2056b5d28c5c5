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

async function main() {
  await boil_water();
  await brew_coffee();
  // Only the toast and the egg overlap: 4 + 2 = 6 seconds.
  await asyncio.gather(make_toast(), fry_egg());
  print("breakfast is served");
}

asyncio.run(main());
