import asyncio


async def background():
    try:
        while True:
            print(f"background works at {asyncio.get_running_loop().time():.1f}")
            await asyncio.sleep(0.4)
    finally:
        print("background is cancelled by asyncio.run")


async def main():
    asyncio.create_task(background())
    await asyncio.sleep(1)
    print("main returns")
    return "main's value"


print(asyncio.run(main()))
