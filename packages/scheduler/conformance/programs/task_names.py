import asyncio


async def nap(seconds):
    await asyncio.sleep(seconds)


async def main():
    me = asyncio.current_task()
    print(f"main task: {me.get_name()}")
    t1 = asyncio.create_task(nap(1))
    t2 = asyncio.create_task(nap(2), name="napper")
    t1.set_name("renamed")
    t3 = asyncio.get_running_loop().create_task(nap(0.5), name="loop-named")
    t4 = asyncio.create_task(nap(0.5))
    print(f"after named tasks: {t3.get_name()}, {t4.get_name()}")
    print(f"names: {t1.get_name()}, {t2.get_name()}")
    print(f"alive tasks: {len(asyncio.all_tasks())}")
    await t1
    print(f"alive tasks after t1: {len(asyncio.all_tasks())}")
    await t2
    print(f"t2 done: {t2.done()}, result: {t2.result()}")


asyncio.run(main())
