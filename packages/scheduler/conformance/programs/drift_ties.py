import asyncio


async def sleeper(name, delays):
    for d in delays:
        await asyncio.sleep(d)
    print(f"{name} woke")


async def main():
    # All wake at t=1 by different paths: a chain of short sleeps ends a hair later than one
    # long sleep, because a real clock moves on at every hop.
    tasks = [
        asyncio.create_task(sleeper("x", [1])),
        asyncio.create_task(sleeper("y", [0.5, 0.5])),
        asyncio.create_task(sleeper("z", [1])),
        asyncio.create_task(sleeper("w", [0.25, 0.75])),
    ]
    await asyncio.sleep(0.5)
    tasks.append(asyncio.create_task(sleeper("v", [0.5])))
    await asyncio.gather(*tasks)
    print("all woke")


asyncio.run(main())
