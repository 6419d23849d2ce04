"""One asyncio.gather of a million trivial tasks: wall time and peak RSS.

The Python twin of bench/cmd/million, so that the README can state the
ratio. Modes:

  trivial  asyncio.gather of n coroutines that return i * 2
  limited  the same under an asyncio.Semaphore(limit), every task blocked
           until all n have been submitted (the twin of million -impl limited)

Prints one line like million does: mode, n, wall time in ms, peak RSS in MiB.
"""

import argparse
import asyncio
import resource
import sys
import time


async def double(i):
    return i * 2


async def trivial(n):
    return await asyncio.gather(*(double(i) for i in range(n)))


async def limited(n, limit):
    sem = asyncio.Semaphore(limit)
    submitted = asyncio.Event()

    async def task(i):
        async with sem:
            await submitted.wait()
            return await double(i)

    tasks = [asyncio.ensure_future(task(i)) for i in range(n)]
    submitted.set()
    return await asyncio.gather(*tasks)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-mode", choices=("trivial", "limited"), default="trivial")
    parser.add_argument("-n", type=int, default=1_000_000)
    parser.add_argument("-limit", type=int, default=1000)
    args = parser.parse_args()
    start = time.perf_counter()
    if args.mode == "trivial":
        out = asyncio.run(trivial(args.n))
    else:
        out = asyncio.run(limited(args.n, args.limit))
    wall = time.perf_counter() - start
    if len(out) != args.n or out[-1] != 2 * (args.n - 1):
        sys.exit("gather_million: wrong results")
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    print(f"asyncio-{args.mode}\t{args.n}\t{wall * 1000:.1f} ms\t{peak_kib / 1024:.1f} MiB")


if __name__ == "__main__":
    main()
