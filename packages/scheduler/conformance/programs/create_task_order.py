import asyncio


async def job(n):
    print(f"job {n} starts")
    await asyncio.sleep(0.1 * (3 - n))
    print(f"job {n} ends")
    return n * 10


async def main():
    tasks = [asyncio.create_task(job(n)) for n in range(3)]
    print("tasks created")
    for t in reversed(tasks):
        print(f"{t.get_name()} -> {await t}")


asyncio.run(main())
