import asyncio


async def child():
    await asyncio.sleep(0.5)
    return "child"


async def main(n):
    t = asyncio.create_task(child())
    print(f"run {n}: main is {asyncio.current_task().get_name()}, child is {t.get_name()}")
    return f"{await t} of run {n}"


print(asyncio.run(main(1)))
print(asyncio.run(main(2)))
