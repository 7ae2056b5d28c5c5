import { print, threading, time } from "interleave";

const likes = threading.shared(10, "likes");

async function like(who: string, network_delay: number) {
  const seen = await likes.load();
  print(`${who} sees ${seen}`);
  await time.sleep(network_delay); // the phone sends the new count over a slow network
  await likes.store(seen + 1);
  print(`${who} saves ${seen + 1}`);
}

const alice = new threading.Thread({ target: like, args: ["alice", 2] });
const bob = new threading.Thread({ target: like, args: ["bob", 1] });
alice.start();
bob.start();
alice.join();
bob.join();
print(`likes = ${likes.value}`);

// Your prediction: the lines the program prints, in the order it prints them.
// Replace the question marks (add or remove lines as needed), then press Run to check.
const prediction: string[] = ["alice sees 10", "bob sees 10", "bob saves 11", "alice saves 12", "likes = 12"];

export default prediction;
