import { asyncio, print } from "interleave";

// Each uploader sends its file in 3 chunks. Sending a chunk is instant here (it only hands the
// bytes to the operating system), so there is no await between chunks.
async function upload(name: string) {
  for (let chunk = 1; chunk <= 3; chunk++) {
    print(`${name} sent chunk ${chunk}`);
    await asyncio.sleep(0); // give the other uploader a turn
  }
}

async function main() {
  await asyncio.gather(upload("A"), upload("B"));
  print("both uploads done");
}

asyncio.run(main());
