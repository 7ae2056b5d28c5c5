import asyncio


async def producer(q):
    for i in range(5):
        await q.put(i)
        print(f"put {i} (size {q.qsize()}, full {q.full()})")
    await q.put(None)


async def consumer(q):
    while True:
        item = await q.get()
        if item is None:
            break
        print(f"got {item}")
        await asyncio.sleep(1)


async def main():
    q = asyncio.Queue(maxsize=2)
    await asyncio.gather(producer(q), consumer(q))
    print(f"empty: {q.empty()}")


asyncio.run(main())
