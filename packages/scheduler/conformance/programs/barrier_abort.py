import asyncio


async def party(name, barrier):
    try:
        await barrier.wait()
        print(f"{name} passed")
    except asyncio.BrokenBarrierError:
        print(f"{name} saw a broken barrier")


async def main():
    barrier = asyncio.Barrier(3)
    tasks = [asyncio.create_task(party(n, barrier)) for n in ("a", "b")]
    await asyncio.sleep(1)
    await barrier.abort()
    await asyncio.gather(*tasks)
    await party("late", barrier)
    print(f"broken: {barrier.broken}")


asyncio.run(main())
