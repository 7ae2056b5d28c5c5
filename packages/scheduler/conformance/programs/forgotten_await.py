import asyncio


async def save(item):
    await asyncio.sleep(0.1)
    print(f"saved {item}")


async def main():
    save("a")  # forgot await: nothing happens, Python warns "coroutine 'save' was never awaited"
    await save("b")
    t = asyncio.create_task(save("c"))  # a task runs even if nobody awaits it...
    await asyncio.sleep(1)
    print(f"c saved anyway: {t.done()}")


asyncio.run(main())
