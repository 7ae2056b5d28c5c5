import { asyncio, print } from "interleave";

async function save(record: string) {
  print(`saving ${record}`);
  await asyncio.sleep(10);
  print(`saved ${record}`);
}

async function main() {
  print("form opened");
  const saving = asyncio.create_task(save("age"));
  print("next question");
  await asyncio.sleep(1);
  print("answer received");
  await saving;
  print("form closed");
}

asyncio.run(main());

// Your prediction: the lines the program prints, in the order it prints them.
// Replace the question mark with as many lines as the program prints, then press Run.
const prediction: string[] = ["?"];

export default prediction;
