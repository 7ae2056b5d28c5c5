import asyncio


async def sleeper(name, delays):
    for d in delays:
        await asyncio.sleep(d)
    print(f"{name} woke")


async def main():
    # x, y, z and u all sleep 1 s from the same instant: they wake in the order they slept.
    tasks = [asyncio.create_task(sleeper(n, [1])) for n in ("x", "y", "z")]
    tasks.append(asyncio.create_task(sleeper("w", [0.25, 0.5])))
    tasks.append(asyncio.create_task(sleeper("u", [1])))
    await asyncio.sleep(0.5)
    tasks.append(asyncio.create_task(sleeper("v", [0.75])))
    await asyncio.gather(*tasks)
    print("all woke")


asyncio.run(main())
