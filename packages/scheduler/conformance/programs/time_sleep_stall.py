import asyncio
import time


async def ticker():
    for i in range(4):
        print(f"tick {i}")
        await asyncio.sleep(0.5)


async def blocker():
    await asyncio.sleep(0.75)
    print("blocker calls time.sleep(2): the whole loop stalls")
    time.sleep(2)
    print("blocker is back")


async def main():
    await asyncio.gather(ticker(), blocker())


asyncio.run(main())
