import asyncio


async def main():
    cond = asyncio.Condition()
    state = {"count": 0}

    async def incrementer():
        for _ in range(5):
            await asyncio.sleep(0.5)
            async with cond:
                state["count"] += 1
                print(f"count is {state['count']}")
                cond.notify_all()

    async def watcher():
        async with cond:
            result = await cond.wait_for(lambda: state["count"] >= 3)
            print(f"watcher saw count >= 3 ({result}) at {asyncio.get_running_loop().time():.1f}")

    await asyncio.gather(incrementer(), watcher())


asyncio.run(main())
