"""The bench workload on CPython asyncio with a virtual clock (the twin of bench/asyncio.ts).

N tasks each sleep 10 times for pseudo-random virtual delays (splitmix32, the same sequence as
the TypeScript side). Prints {"tasks", "wakeups", "seconds", "cpu", "virtual"} as JSON (wall and CPU seconds).

Usage: python3 workload.py N
"""
import asyncio
import json
import pathlib
import sys
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "conformance"))
import harness  # noqa: E402  (the virtual-clock loop)

SLEEPS = 10


def splitmix32(seed):
    state = seed & 0xFFFFFFFF

    def next_u32():
        nonlocal state
        state = (state + 0x9E3779B9) & 0xFFFFFFFF
        z = state
        z = ((z ^ (z >> 16)) * 0x85EBCA6B) & 0xFFFFFFFF
        z = ((z ^ (z >> 13)) * 0xC2B2AE35) & 0xFFFFFFFF
        return (z ^ (z >> 16)) & 0xFFFFFFFF

    return next_u32


def delays(n):
    """Delays in whole milliseconds, 1..1000, as seconds."""
    rand = splitmix32(42)
    return [[(rand() % 1000 + 1) / 1000 for _ in range(SLEEPS)] for _ in range(n)]


async def sleeper(my_delays):
    for d in my_delays:
        await asyncio.sleep(d)


async def main(plan):
    await asyncio.gather(*(sleeper(d) for d in plan))


def run(n):
    plan = delays(n)
    asyncio.set_event_loop_policy(harness.VirtualPolicy())
    start, cpu_start = time.perf_counter(), time.process_time()
    asyncio.run(main(plan))
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    return {"tasks": n, "wakeups": n * SLEEPS, "seconds": seconds, "cpu": cpu, "virtual": round(harness.clock.now, 3)}


if __name__ == "__main__":
    print(json.dumps(run(int(sys.argv[1]))))
