import asyncio


async def late_producer(q):
    await asyncio.sleep(1.5)
    await q.put("late item")
    print("produced the late item")


async def main():
    q = asyncio.Queue()
    producer = asyncio.create_task(late_producer(q))
    try:
        await asyncio.wait_for(q.get(), timeout=1)
    except TimeoutError:
        print(f"no item within 1 s (getters waiting: {len(q._getters)})")
    item = await asyncio.wait_for(q.get(), timeout=1)
    print(f"got {item} at {asyncio.get_running_loop().time():.1f}")
    await producer


asyncio.run(main())
