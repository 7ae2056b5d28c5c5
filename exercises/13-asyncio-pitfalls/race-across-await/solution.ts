import { asyncio, print } from "interleave";

let balance = 100;

// One lock for the account: the check and the update happen with no other withdrawal in between.
const account = new asyncio.Lock();

// Withdraws `amount` if the account has enough money.
async function withdraw(who: string, amount: number) {
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
