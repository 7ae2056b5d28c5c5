import { __name__, multiprocessing, print, work } from "interleave";

print("Photo resizer 1.0");
print("settings loaded");

async function resize(photo: string) {
  await work(1); // 1 virtual second of CPU work
  print(`${photo} resized`);
}

const photos = ["cat.png", "dog.png", "fox.png"];
const workers = photos.map((photo) => new multiprocessing.Process({ target: resize, args: [photo] }));
if (__name__ === "__main__") {
  for (const p of workers) p.start();
  for (const p of workers) p.join();
  print("all photos resized");
}
