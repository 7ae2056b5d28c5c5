import asyncio


async def worker(name, q):
    while True:
        item = await q.get()
        await asyncio.sleep(item)
        print(f"{name} finished job {item}")
        q.task_done()


async def main():
    q = asyncio.Queue()
    for job in (0.5, 1, 0.25, 0.75, 0.5):
        q.put_nowait(job)
    workers = [asyncio.create_task(worker(f"w{i}", q)) for i in range(2)]
    await q.join()
    print(f"all jobs done at {asyncio.get_running_loop().time():.2f}")
    for w in workers:
        w.cancel()
    results = await asyncio.gather(*workers, return_exceptions=True)
    print(f"workers: {[type(r).__name__ for r in results]}")


asyncio.run(main())
