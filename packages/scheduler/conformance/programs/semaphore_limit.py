import asyncio


async def download(name, sem, seconds):
    async with sem:
        print(f"{name} starts")
        await asyncio.sleep(seconds)
        print(f"{name} ends")


async def main():
    sem = asyncio.Semaphore(2)
    await asyncio.gather(*(download(f"file{i}", sem, 1 + i * 0.25) for i in range(5)))
    print(f"locked: {sem.locked()}")
    b = asyncio.BoundedSemaphore(1)
    await b.acquire()
    b.release()
    try:
        b.release()
    except ValueError as e:
        print(f"ValueError: {e}")


asyncio.run(main())
