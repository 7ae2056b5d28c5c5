import { asyncio, print } from "interleave";

let balance = 100;

async function withdraw(who: string, amount: number) {
  const account = new asyncio.Lock(); // every call gets its own lock: nobody ever waits
  await account.acquire();
  try {
    print(`${who} asks for ${amount}`);
    if (balance >= amount) {
      await asyncio.sleep(0.1); // the fraud check takes 0.1 s
      balance -= amount;
      print(`${who} withdrew ${amount}`);
    } else {
      print(`${who} was refused`);
    }
  } finally {
    account.release();
  }
}

async function main() {
  await asyncio.gather(withdraw("alice", 80), withdraw("bob", 50));
  print(`balance: ${balance}`);
}

asyncio.run(main());
