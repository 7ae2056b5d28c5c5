import asyncio
import time


async def main():
    loop = asyncio.get_running_loop()
    value = await asyncio.sleep(1.5, result="slept")
    print(f"{value} until {loop.time():.2f}, monotonic {time.monotonic():.2f}")
    print(f"time.time() - epoch = {time.time() - 1767225600:.2f}")
    t0 = time.perf_counter()
    await asyncio.sleep(0.25)
    print(f"elapsed {time.perf_counter() - t0:.2f}")


asyncio.run(main())
