import asyncio


async def handle(name):
    print(f"{name} connected")
    await asyncio.sleep(1)  # read the request
    print(f"{name} processed")
    await asyncio.sleep(1)  # send the response
    print(f"{name} sent")


async def main():
    await asyncio.gather(handle("a"), handle("b"), handle("c"))
    print("all done")


asyncio.run(main())
