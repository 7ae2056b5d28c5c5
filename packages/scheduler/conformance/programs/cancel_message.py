import asyncio


async def worker():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        print(f"worker got: {e}")
        raise


async def main():
    t = asyncio.create_task(worker())
    await asyncio.sleep(0.1)
    t.cancel("shutting down")
    try:
        await t
    except asyncio.CancelledError as e:
        print(f"main got: {e}")


asyncio.run(main())
