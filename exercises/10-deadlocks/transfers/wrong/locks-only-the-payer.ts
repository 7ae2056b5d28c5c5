import { print, threading, time } from "interleave";

class Account {
  readonly lock = new threading.Lock();
  readonly balance: ReturnType<typeof threading.shared<number>>;
  constructor(
    readonly id: number,
    readonly name: string,
    initial: number,
  ) {
    this.balance = threading.shared(initial, name);
  }
}

const accounts = [
  new Account(1, "anna", 100),
  new Account(2, "ben", 100),
  new Account(3, "cleo", 100),
  new Account(4, "dev", 100),
];
const [anna, ben, cleo, dev] = accounts as [Account, Account, Account, Account];

async function transfer(from: Account, to: Account, amount: number) {
  // Only the paying account is locked: no second lock, so no circle... and no protection for \`to\`.
  await from.lock.acquire();
  await time.sleep(0.1); // check with the fraud service
  try {
    const paying = await from.balance.load();
    const receiving = await to.balance.load();
    await time.sleep(1); // the bank's ledger is slow
    await from.balance.store(paying - amount);
    await to.balance.store(receiving + amount);
    print(`${from.name} -> ${to.name}: ${amount}`);
  } finally {
    from.lock.release();
  }
}

const transfers: [Account, Account, number][] = [
  [anna, ben, 10],
  [ben, anna, 20],
  [cleo, dev, 30],
  [dev, cleo, 40],
];
const threads = transfers.map(
  ([from, to, amount]) => new threading.Thread({ target: transfer, args: [from, to, amount] }),
);
for (const t of threads) t.start();
for (const t of threads) t.join();

print(accounts.map((a) => `${a.name}=${a.balance.value}`).join(" "));
