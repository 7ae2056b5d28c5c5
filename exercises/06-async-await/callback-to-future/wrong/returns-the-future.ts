import { asyncio, print } from "interleave";

// An old library that does not know about await: you give it a callback, and it calls the
// callback with the answer once the (slow) directory replies. Do not change it.
const DIRECTORY: Record<string, [number, string]> = {
  ada: [2, "room 12"],
  grace: [1, "room 7"],
  linus: [3, "room 30"],
};

function legacy_lookup(name: string, on_done: (answer: string) => void) {
  print(`asking the directory about ${name}`);
  const [delay, room] = DIRECTORY[name]!;
  asyncio.get_running_loop().call_later(delay, () => on_done(`${name} is in ${room}`));
}

async function lookup(name: string): Promise<string> {
  const answer = asyncio.get_running_loop().create_future();
  legacy_lookup(name, (text) => answer.set_result(text));
  return answer as unknown as string; // the future itself, still pending
}

async function main() {
  const answers = await asyncio.gather(lookup("ada"), lookup("grace"), lookup("linus"));
  for (const answer of answers) print(answer);
}

asyncio.run(main());
