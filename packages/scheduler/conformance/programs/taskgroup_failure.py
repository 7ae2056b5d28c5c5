import asyncio


cleaned = []


async def slow(name):
    try:
        await asyncio.sleep(5)
    finally:
        # The group cancels its tasks in set order: record, sort, then print.
        cleaned.append(f"{name} at {asyncio.get_running_loop().time():.1f}")


async def failing(delay, message):
    await asyncio.sleep(delay)
    raise ValueError(message)


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(slow("s1"))
            tg.create_task(failing(1, "first"))
            tg.create_task(failing(1, "second"))
            tg.create_task(slow("s2"))
            await asyncio.sleep(10)
            print("never printed")
    except* ValueError as eg:
        print(f"caught: {eg}")
        for e in eg.exceptions:
            print(f"  {e!r}")
    print(f"cleaned up: {sorted(cleaned)}")
    print(f"main goes on at {asyncio.get_running_loop().time():.1f}")


asyncio.run(main())
