import asyncio


async def quick():
    return "quick result"


async def other():
    print("other runs")


async def main():
    t = asyncio.create_task(quick())
    o = asyncio.create_task(other())
    await asyncio.sleep(0)
    print(f"quick done: {t.done()}")
    print(f"awaiting a done task: {await t}")
    fut = asyncio.get_running_loop().create_future()
    fut.set_result(5)
    print(f"awaiting a done future: {await fut}")
    print("no yield happened in between")
    await o


asyncio.run(main())
