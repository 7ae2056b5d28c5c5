import asyncio


async def job(name, delay):
    await asyncio.sleep(delay)
    return f"{name} after {delay}"


async def main():
    tasks = [asyncio.create_task(job(n, d)) for n, d in (("a", 3), ("b", 1), ("c", 2))]
    for next_done in asyncio.as_completed(tasks):
        print(await next_done)
    tasks = [asyncio.create_task(job(n, d)) for n, d in (("d", 1), ("e", 5))]
    try:
        for next_done in asyncio.as_completed(tasks, timeout=2):
            print(await next_done)
    except TimeoutError:
        print(f"as_completed timed out at {asyncio.get_running_loop().time():.1f}")
    tasks[1].cancel()


asyncio.run(main())
