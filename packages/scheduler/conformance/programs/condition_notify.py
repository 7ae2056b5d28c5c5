import asyncio


async def consumer(name, cond, items):
    async with cond:
        while not items:
            print(f"{name} waits")
            await cond.wait()
        print(f"{name} takes {items.pop(0)}")


async def main():
    cond = asyncio.Condition()
    items = []
    tasks = [asyncio.create_task(consumer(n, cond, items)) for n in ("a", "b", "c")]
    await asyncio.sleep(1)
    async with cond:
        items.append("one")
        cond.notify()
    await asyncio.sleep(1)
    async with cond:
        items.extend(["two", "three"])
        cond.notify_all()
    await asyncio.gather(*tasks)
    try:
        cond.notify()
    except RuntimeError as e:
        print(f"RuntimeError: {e}")


asyncio.run(main())
