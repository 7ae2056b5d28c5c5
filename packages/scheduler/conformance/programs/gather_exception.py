import asyncio


async def ok(name, delay):
    await asyncio.sleep(delay)
    print(f"{name} finished")
    return name


async def fail(delay):
    await asyncio.sleep(delay)
    raise KeyError("missing")


async def main():
    try:
        await asyncio.gather(ok("a", 1), fail(0.5), ok("b", 2))
    except KeyError as e:
        print(f"gather raised KeyError {e}")
    await asyncio.sleep(3)
    print("main done")


asyncio.run(main())
