import asyncio


async def important():
    await asyncio.sleep(2)
    print("important work finished")
    return "saved"


async def main():
    inner = asyncio.create_task(important())
    outer = asyncio.shield(inner)
    await asyncio.sleep(1)
    outer.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print("the shield was cancelled")
    print(f"inner cancelled: {inner.cancelled()}")
    print(f"inner result: {await inner}")


asyncio.run(main())
