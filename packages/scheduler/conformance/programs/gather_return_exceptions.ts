import type { InterleaveModule } from "../../src/index";
import { async_ } from "../../src/testing";

export default ({ asyncio, print, ValueError, str }: InterleaveModule) => {
  const value = async_("value", function* (v: unknown, delay: number) {
    yield asyncio.sleep(delay);
    return v;
  });

  const boom = async_("boom", function* (delay: number) {
    yield asyncio.sleep(delay);
    throw new ValueError("boom");
  });

  const typeName = (r: unknown) =>
    r instanceof Error ? r.name : typeof r === "number" ? "int" : typeof r === "string" ? "str" : typeof r;

  const main = async_("main", function* () {
    const results = yield asyncio.gather(value(1, 0.3), boom(0.1), value("two", 0.2), {
      return_exceptions: true,
    });
    for (const r of results) print(`${typeName(r)}: ${str(r)}`);
    const empty = yield asyncio.gather();
    print(`empty gather: ${str(empty)}`);
  });

  asyncio.run(main());
};
