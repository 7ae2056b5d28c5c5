import { __name__, print, work } from "interleave";

// No more children, so nothing is printed twice... and nothing runs in parallel either.
if (__name__ === "__main__") {
  print("Photo resizer 1.0");
  print("settings loaded");
  for (const photo of ["cat.png", "dog.png", "fox.png"]) {
    work(1);
    print(`${photo} resized`);
  }
  print("all photos resized");
}
