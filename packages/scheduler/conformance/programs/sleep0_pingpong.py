import asyncio


async def player(name, turns):
    for i in range(turns):
        print(f"{name} {i}")
        await asyncio.sleep(0)
    print(f"{name} done")


async def main():
    await asyncio.gather(player("ping", 3), player("pong", 2), player("pang", 1))


asyncio.run(main())
