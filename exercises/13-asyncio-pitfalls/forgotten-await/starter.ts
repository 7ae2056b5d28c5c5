import { asyncio, print } from "interleave";

// Reads an account's balance from the bank's database (0.5 s).
async function get_balance(account: string) {
  await asyncio.sleep(0.5);
  return account === "alice" ? 120 : 0;
}

// Writes a line to the audit log (0.2 s). Every balance check must be logged.
async function audit(message: string) {
  await asyncio.sleep(0.2);
  print(`audit: ${message}`);
}

async function main() {
  const balance = get_balance("alice");
  print(`alice has ${balance}`);
  audit("alice checked her balance");
  print("done");
}

asyncio.run(main());
