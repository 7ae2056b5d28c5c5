import { asyncio, print } from "interleave";

// Choose when Alice and Bob arrive (seconds after the bank opens). Change only these two lines.
// Bob checks at 0.2 s, while Alice's fraud check (0 s to 0.25 s) is still running.
const ALICE_ARRIVES = 0;
const BOB_ARRIVES = 0.2;

let balance = 100;

async function withdraw(who: string, amount: number, arrives: number) {
  await asyncio.sleep(arrives);
  print(`${who} asks for ${amount}`);
  if (balance >= amount) {
    await asyncio.sleep(0.25); // the fraud check
    balance -= amount;
    print(`${who} withdrew ${amount}`);
  } else {
    print(`${who} was refused`);
  }
}

async function main() {
  await asyncio.gather(withdraw("alice", 80, ALICE_ARRIVES), withdraw("bob", 50, BOB_ARRIVES));
  print(`balance: ${balance}`);
}

asyncio.run(main());
