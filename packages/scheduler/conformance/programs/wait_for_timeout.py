import asyncio


async def slow():
    try:
        await asyncio.sleep(5)
        return "slow result"
    finally:
        print("slow cleans up")


async def fast():
    await asyncio.sleep(0.5)
    return "fast result"


async def main():
    print(await asyncio.wait_for(fast(), timeout=1))
    try:
        await asyncio.wait_for(slow(), timeout=1)
    except TimeoutError:
        print("slow timed out")
    print(await asyncio.wait_for(fast(), timeout=None))
    try:
        await asyncio.wait_for(slow(), timeout=0)
    except TimeoutError:
        print("zero timeout")


asyncio.run(main())
