import asyncio


async def worker():
    try:
        print("worker sleeping")
        await asyncio.sleep(5)
        print("never printed")
    finally:
        print("worker cleanup starts")
        await asyncio.sleep(0.5)
        print("worker cleanup done")


async def main():
    t = asyncio.create_task(worker())
    await asyncio.sleep(1)
    t.cancel()
    print(f"cancelling: {t.cancelling()}")
    try:
        await t
    except asyncio.CancelledError:
        print("main saw the cancellation")
    print(f"cancelled: {t.cancelled()}")


asyncio.run(main())
