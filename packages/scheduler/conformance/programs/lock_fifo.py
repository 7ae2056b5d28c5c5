import asyncio


async def user(name, lock, hold):
    print(f"{name} wants the lock")
    async with lock:
        print(f"{name} has the lock")
        await asyncio.sleep(hold)
    print(f"{name} released the lock")


async def main():
    lock = asyncio.Lock()
    await asyncio.gather(user("a", lock, 1), user("b", lock, 0.5), user("c", lock, 0.25))
    print(f"locked at the end: {lock.locked()}")
    try:
        lock.release()
    except RuntimeError as e:
        print(f"RuntimeError: {e}")


asyncio.run(main())
