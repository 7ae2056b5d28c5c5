"""CPython asyncio's switch rate for the bench's workload: one task awaiting sleep(0) N times."""
import asyncio
import sys
import time

N = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000


async def main() -> None:
    for _ in range(N):
        await asyncio.sleep(0)


start = time.perf_counter()
asyncio.run(main())
elapsed = time.perf_counter() - start
print(f"{N / elapsed:.0f}")
