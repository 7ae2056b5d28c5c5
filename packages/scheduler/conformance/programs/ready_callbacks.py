import asyncio


async def worker():
    print("worker step 1")
    await asyncio.sleep(0)
    print("worker step 2")


async def main():
    loop = asyncio.get_running_loop()

    def cb(name):
        print(f"callback {name}")
        if name == "a":
            loop.call_soon(cb, "a2")

    loop.call_soon(cb, "a")
    loop.call_soon(cb, "b")
    task = asyncio.create_task(worker())
    loop.call_soon(cb, "c")
    print("main before sleep(0)")
    await asyncio.sleep(0)
    print("main after sleep(0)")
    await asyncio.sleep(0)
    print("main after second sleep(0)")
    await task


asyncio.run(main())
