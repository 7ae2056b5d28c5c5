import asyncio


async def main():
    pq = asyncio.PriorityQueue()
    for item in [(3, "low"), (1, "urgent"), (2, "normal"), (1, "also urgent")]:
        await pq.put(item)
    while not pq.empty():
        priority, name = await pq.get()
        print(f"priority {priority}: {name}")

    lq = asyncio.LifoQueue(maxsize=2)
    lq.put_nowait("first")
    lq.put_nowait("second")
    try:
        lq.put_nowait("third")
    except asyncio.QueueFull:
        print("LifoQueue is full")
    print(lq.get_nowait(), lq.get_nowait())
    try:
        lq.get_nowait()
    except asyncio.QueueEmpty:
        print("LifoQueue is empty")


asyncio.run(main())
