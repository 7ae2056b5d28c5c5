import { __name__, multiprocessing, print, work } from "interleave";

// Outside the guard: only what a child needs when it imports the program again.
async function resize(photo: string) {
  await work(1); // 1 virtual second of CPU work
  print(`${photo} resized`);
}

// Inside the guard: the parent's one-time work, which a child must not repeat.
if (__name__ === "__main__") {
  print("Photo resizer 1.0");
  print("settings loaded");
  const photos = ["cat.png", "dog.png", "fox.png"];
  const workers = photos.map((photo) => new multiprocessing.Process({ target: resize, args: [photo] }));
  for (const p of workers) p.start();
  for (const p of workers) p.join();
  print("all photos resized");
}
