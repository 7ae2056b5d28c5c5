import asyncio


async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("stubborn ignores the cancellation")
    await asyncio.sleep(1)
    return "finished anyway"


async def main():
    t = asyncio.create_task(stubborn())
    await asyncio.sleep(1)
    t.cancel()
    print(await t)
    print(f"cancelled: {t.cancelled()}, cancelling: {t.cancelling()}")


asyncio.run(main())
