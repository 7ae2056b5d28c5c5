import asyncio


async def runner(name, barrier, delays):
    for round_no, delay in enumerate(delays):
        await asyncio.sleep(delay)
        print(f"{name} arrives for round {round_no}")
        index = await barrier.wait()
        print(f"{name} passes round {round_no} (index {index})")


async def main():
    barrier = asyncio.Barrier(3)
    await asyncio.gather(
        runner("a", barrier, [0.5, 1]),
        runner("b", barrier, [1, 0.25]),
        runner("c", barrier, [0.25, 0.5]),
    )
    print(f"parties {barrier.parties}, waiting {barrier.n_waiting}, broken {barrier.broken}")


asyncio.run(main())
