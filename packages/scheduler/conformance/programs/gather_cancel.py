import asyncio


async def child(name):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print(f"{name} cancelled")
        raise
    finally:
        print(f"{name} cleans up")


async def main():
    g = asyncio.gather(child("a"), child("b"))
    await asyncio.sleep(1)
    print(f"cancel returned {g.cancel()}")
    try:
        await g
    except asyncio.CancelledError:
        print("gather was cancelled")
    print(f"gather cancelled: {g.cancelled()}")


asyncio.run(main())
