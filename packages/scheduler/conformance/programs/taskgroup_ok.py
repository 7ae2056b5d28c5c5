import asyncio


async def fetch(name, delay):
    await asyncio.sleep(delay)
    print(f"fetched {name}")
    return name.upper()


async def main():
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(fetch("a", 1))
        b = tg.create_task(fetch("b", 0.5), name="fetch-b")
        print(f"tasks started: {a.get_name()}, {b.get_name()}")
    print(f"results {a.result()} {b.result()} at {asyncio.get_running_loop().time():.1f}")


asyncio.run(main())
