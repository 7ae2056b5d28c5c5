import asyncio


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.add_done_callback(lambda f: print(f"callback 1 sees {f.result()}"))
    fut.add_done_callback(lambda f: print(f"callback 2 sees {f.result()}"))
    loop.call_later(1, fut.set_result, "value")
    print(f"done before: {fut.done()}")
    r = await fut
    print(f"awaited {r}")
    fut.add_done_callback(lambda f: print("late callback"))
    await asyncio.sleep(0)
    print("after sleep(0)")


asyncio.run(main())
