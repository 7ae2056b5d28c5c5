import asyncio


async def first(a, b):
    print("first waits for b")
    await b.wait()
    a.set()


async def second(a, b):
    print("second waits for a")
    await a.wait()
    b.set()


async def main():
    a, b = asyncio.Event(), asyncio.Event()
    await asyncio.sleep(1)
    await asyncio.gather(first(a, b), second(a, b))
    print("never printed")


asyncio.run(main())
