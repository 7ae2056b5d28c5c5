import asyncio
import time


async def heartbeat():
    for i in range(3):
        print(f"heartbeat {i} at {time.monotonic():.2f}")
        await asyncio.sleep(1)


async def cruncher():
    print("crunching numbers for 1.5 s of CPU")
    work(1.5)
    print("crunching done")


async def main():
    await asyncio.gather(heartbeat(), cruncher())


print("setting up takes 0.25 s of CPU before the loop starts")
work(0.25)
asyncio.run(main())
print(f"finished at {time.monotonic():.2f}")
