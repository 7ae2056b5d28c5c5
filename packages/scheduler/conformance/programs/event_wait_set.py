import asyncio


async def waiter(name, event):
    print(f"{name} waits")
    await event.wait()
    print(f"{name} proceeds")


async def main():
    event = asyncio.Event()
    tasks = [asyncio.create_task(waiter(n, event)) for n in ("a", "b", "c")]
    await asyncio.sleep(1)
    print("setting the event")
    event.set()
    print(f"is_set: {event.is_set()}")
    await asyncio.gather(*tasks)
    print(f"late waiter returns at once: {await event.wait()}")
    event.clear()
    late = asyncio.create_task(waiter("d", event))
    await asyncio.sleep(0.5)
    event.set()
    await late


asyncio.run(main())
