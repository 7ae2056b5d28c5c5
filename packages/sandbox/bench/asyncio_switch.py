"""CPython asyncio's switch rate for the bench's workload: one task awaiting sleep(0) N times.

Runs the workload ROUNDS times and prints, per round, the wall-clock rate and the rate per
CPU second (time.process_time), as "wall cpu" pairs on one line: the bench reports the median
and best of each, as it does for QuickJS.
"""
import asyncio
import sys
import time

N = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
ROUNDS = int(sys.argv[2]) if len(sys.argv) > 2 else 5


async def main() -> None:
    for _ in range(N):
        await asyncio.sleep(0)


pairs = []
for _ in range(ROUNDS):
    wall = time.perf_counter()
    cpu = time.process_time()
    asyncio.run(main())
    cpu = time.process_time() - cpu
    wall = time.perf_counter() - wall
    pairs.append(f"{N / wall:.0f} {N / cpu:.0f}")
print(" ".join(pairs))
