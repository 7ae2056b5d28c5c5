import asyncio


async def job(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise RuntimeError(f"{name} failed")
    return name


def names(tasks):
    return sorted(t.get_name() for t in tasks)


async def main():
    loop = asyncio.get_running_loop()
    ts = [asyncio.create_task(job("a", 1)), asyncio.create_task(job("b", 2)), asyncio.create_task(job("c", 3))]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_COMPLETED)
    print(f"FIRST_COMPLETED at {loop.time():.1f}: done={names(done)} pending={names(pending)}")

    done, pending = await asyncio.wait(ts)
    print(f"ALL_COMPLETED at {loop.time():.1f}: done={names(done)} pending={names(pending)}")

    ts = [asyncio.create_task(job("d", 1)), asyncio.create_task(job("e", 2, fail=True)), asyncio.create_task(job("f", 3))]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_EXCEPTION)
    print(f"FIRST_EXCEPTION at {loop.time():.1f}: done={names(done)} pending={names(pending)}")
    for t in sorted(done, key=lambda t: t.get_name()):
        print(f"{t.get_name()}: {t.exception()!r}")

    done, pending = await asyncio.wait(pending, timeout=0.5)
    print(f"timeout at {loop.time():.1f}: done={len(done)} pending={len(pending)}")
    await asyncio.wait(pending)
    print(f"finally at {loop.time():.1f}")


asyncio.run(main())
