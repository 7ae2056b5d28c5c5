import { __name__, multiprocessing, print, work } from "interleave";

if (__name__ === "__main__") {
  print("Photo resizer 1.0");
  print("settings loaded");

  // Defined inside the guard: a child that imports the program again never defines it.
  async function resize(photo: string) {
    await work(1);
    print(`${photo} resized`);
  }

  const photos = ["cat.png", "dog.png", "fox.png"];
  const workers = photos.map((photo) => new multiprocessing.Process({ target: resize, args: [photo] }));
  for (const p of workers) p.start();
  for (const p of workers) p.join();
  print("all photos resized");
}
