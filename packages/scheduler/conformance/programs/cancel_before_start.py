import asyncio


async def never():
    print("never runs")


async def main():
    t = asyncio.create_task(never())
    print(f"cancel: {t.cancel()}")
    print(f"cancel again: {t.cancel()}")
    await asyncio.sleep(0)
    print(f"done: {t.done()}, cancelled: {t.cancelled()}")
    print(f"cancel after done: {t.cancel()}")


asyncio.run(main())
