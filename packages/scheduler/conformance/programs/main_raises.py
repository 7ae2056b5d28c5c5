import asyncio


async def helper():
    await asyncio.sleep(0.5)
    print("helper finished")


async def main():
    asyncio.create_task(helper())
    await asyncio.sleep(1)
    print("main about to fail")
    raise ValueError("something went wrong")


asyncio.run(main())
