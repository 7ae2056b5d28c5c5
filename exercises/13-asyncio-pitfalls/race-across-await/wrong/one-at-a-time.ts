import { asyncio, print } from "interleave";

let balance = 100;

async function withdraw(who: string, amount: number) {
  print(`${who} asks for ${amount}`);
  if (balance >= amount) {
    await asyncio.sleep(0.1); // the fraud check takes 0.1 s
    balance -= amount;
    print(`${who} withdrew ${amount}`);
  } else {
    print(`${who} was refused`);
  }
}

async function main() {
  // No race, but the bank now serves one customer at a time.
  await withdraw("alice", 80);
  await withdraw("bob", 50);
  print(`balance: ${balance}`);
}

asyncio.run(main());
