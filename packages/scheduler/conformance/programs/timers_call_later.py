import asyncio


async def main():
    loop = asyncio.get_running_loop()
    done = loop.create_future()

    def cb(name):
        print(f"timer {name} at {loop.time():.3f}")
        if name == "last":
            done.set_result(name)

    loop.call_later(0.3, cb, "c")
    loop.call_later(0.1, cb, "a")
    h = loop.call_later(0.2, cb, "cancelled")
    loop.call_at(loop.time() + 0.2, cb, "b")
    loop.call_later(0.3, cb, "d")
    loop.call_later(0.5, cb, "last")
    h.cancel()
    print(f"cancelled: {h.cancelled()}")
    print(f"done with {await done}")


asyncio.run(main())
