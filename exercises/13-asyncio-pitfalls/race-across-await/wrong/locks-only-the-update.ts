import { asyncio, print } from "interleave";

let balance = 100;

const account = new asyncio.Lock();

async function withdraw(who: string, amount: number) {
  print(`${who} asks for ${amount}`);
  if (balance >= amount) {
    await asyncio.sleep(0.1); // the fraud check takes 0.1 s
    await account.acquire();
    try {
      balance -= amount; // protected, but the check above was not
    } finally {
      account.release();
    }
    print(`${who} withdrew ${amount}`);
  } else {
    print(`${who} was refused`);
  }
}

async function main() {
  await asyncio.gather(withdraw("alice", 80), withdraw("bob", 50));
  print(`balance: ${balance}`);
}

asyncio.run(main());
