import asyncio


async def leaf(n):
    print(f"leaf {n}")
    return n + 1


async def middle(n):
    a = await leaf(n)
    b = await leaf(a)
    return b


async def ticker():
    for i in range(3):
        print(f"tick {i}")
        await asyncio.sleep(0)


async def main():
    t = asyncio.create_task(ticker())
    await asyncio.sleep(0)
    print("main awaits coroutines inline")
    r = await middle(1)
    print(f"middle returned {r} without yielding to ticker")
    await asyncio.sleep(0)
    print("main yielded once")
    await t


asyncio.run(main())
