import asyncio


cancelled = []


async def child(name):
    try:
        await asyncio.sleep(3)
        print(f"{name} finished")
    except asyncio.CancelledError:
        cancelled.append(name)  # the group cancels its tasks in set order: sort before printing
        raise


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child("c1"))
            tg.create_task(child("c2"))
            await asyncio.sleep(1)
            raise KeyError("body failed")
    except* KeyError as eg:
        print(f"caught {eg} with {[type(e).__name__ for e in eg.exceptions]}")
    print(f"cancelled: {sorted(cancelled)}")


asyncio.run(main())
