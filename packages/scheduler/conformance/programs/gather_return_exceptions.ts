import { asyncio, print, str, ValueError } from "interleave";

async function value(v: unknown, delay: number) {
  await asyncio.sleep(delay);
  return v;
}

async function boom(delay: number) {
  await asyncio.sleep(delay);
  throw new ValueError("boom");
}

const typeName = (r: unknown) =>
  r instanceof Error ? r.name : typeof r === "number" ? "int" : typeof r === "string" ? "str" : typeof r;

async function main() {
  const results = await asyncio.gather(value(1, 0.3), boom(0.1), value("two", 0.2), {
    return_exceptions: true,
  });
  for (const r of results) print(`${typeName(r)}: ${str(r)}`);
  const empty = await asyncio.gather();
  print(`empty gather: ${str(empty)}`);
}

asyncio.run(main());
