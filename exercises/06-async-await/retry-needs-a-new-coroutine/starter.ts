import { asyncio, print } from "interleave";

let attempts = 0;

// A flaky server: the first two requests fail, the third one succeeds. Each takes 1 s.
async function fetch_page(url: string): Promise<string> {
  attempts += 1;
  print(`attempt ${attempts}: GET ${url}`);
  await asyncio.sleep(1);
  if (attempts < 3) throw new Error("connection reset");
  return `<html>${url}</html>`;
}

// Tries a request up to `tries` times, pausing 0.5 s after each failure.
async function retry(request: Promise<string>, tries: number): Promise<string> {
  for (let i = 1; i <= tries; i++) {
    try {
      return await request;
    } catch (e) {
      print(`failed: ${(e as Error).message}`);
      if (i < tries) await asyncio.sleep(0.5);
    }
  }
  throw new Error(`gave up after ${tries} tries`);
}

async function main() {
  const page = await retry(fetch_page("example.org"), 3);
  print(`got ${page}`);
}

asyncio.run(main());
