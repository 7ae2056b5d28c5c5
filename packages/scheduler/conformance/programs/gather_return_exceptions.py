import asyncio


async def value(v, delay):
    await asyncio.sleep(delay)
    return v


async def boom(delay):
    await asyncio.sleep(delay)
    raise ValueError("boom")


async def main():
    results = await asyncio.gather(value(1, 0.3), boom(0.1), value("two", 0.2), return_exceptions=True)
    for r in results:
        print(f"{type(r).__name__}: {r}")
    empty = await asyncio.gather()
    print(f"empty gather: {empty}")


asyncio.run(main())
