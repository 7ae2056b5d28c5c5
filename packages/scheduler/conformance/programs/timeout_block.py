import asyncio


async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(1) as cm:
            print(f"deadline {cm.when():.3f}")
            await asyncio.sleep(2)
    except TimeoutError:
        print(f"timed out at {loop.time():.3f}, expired: {cm.expired()}")

    async with asyncio.timeout(1) as cm:
        await asyncio.sleep(0.5)
    print(f"in time at {loop.time():.3f}, expired: {cm.expired()}")

    try:
        async with asyncio.timeout(None) as cm:
            cm.reschedule(loop.time() + 0.25)
            await asyncio.sleep(1)
    except TimeoutError:
        print(f"rescheduled timeout at {loop.time():.3f}")

    try:
        async with asyncio.timeout_at(loop.time() + 0.5):
            try:
                await asyncio.sleep(1)
            finally:
                print("inner finally runs")
    except TimeoutError:
        print(f"timeout_at fired at {loop.time():.3f}")


asyncio.run(main())
