"""Runs an asyncio program under CPython on a virtual clock and prints what it printed, as JSON.

The loop's time() is virtual and advances by 1e-12 s per call (as a real clock moves between
two calls, so timers set one after another for the same delay fire in the order they were set);
its selector jumps the clock to the next timer instead of waiting; time.sleep() and work()
advance the clock while holding the loop. print() records (virtual time, task, text).

Usage:
  python3 harness.py program.py       prints {"status", "error", "time", "lines"} as JSON
  python3 harness.py --record DIR     runs every DIR/*.py, writes DIR/<name>.expected.json
"""
import asyncio
import builtins
import json
import pathlib
import runpy
import selectors
import subprocess
import sys
import time

EPOCH_SECONDS = 1_767_225_600
TICK = 1e-12


class Deadlock(Exception):
    """Nothing is ready and no timer is set: a real loop would wait forever."""


class Clock:
    def __init__(self):
        self.now = 0.0

    def tick(self):
        self.now += TICK
        return self.now


clock = Clock()


class VirtualSelector(selectors.DefaultSelector):
    def select(self, timeout=None):
        if timeout is None:
            raise Deadlock("deadlock")
        clock.now += timeout
        return []


class VirtualLoop(asyncio.SelectorEventLoop):
    def __init__(self):
        super().__init__(VirtualSelector())
        self._clock_resolution = 1e-9

    def time(self):
        return clock.tick()


class VirtualPolicy(asyncio.DefaultEventLoopPolicy):
    _loop_factory = VirtualLoop


lines = []


def _task_name():
    try:
        task = asyncio.current_task()
    except RuntimeError:
        return None
    return None if task is None else task.get_name()


def virtual_print(*args, sep=" ", end="\n", file=None, flush=False):
    lines.append({"time": round(clock.now, 6), "task": _task_name(), "text": sep.join(str(a) for a in args)})


def virtual_sleep(seconds):
    clock.now += seconds


def work(seconds):
    """CPU-bound work: the clock moves on while nothing else runs."""
    clock.now += seconds


def main(path):
    asyncio.set_event_loop_policy(VirtualPolicy())
    builtins.print = virtual_print
    builtins.work = work
    time.sleep = virtual_sleep
    time.time = lambda: EPOCH_SECONDS + clock.now
    time.monotonic = lambda: clock.now
    time.perf_counter = lambda: clock.now
    status, error = "ok", None
    try:
        runpy.run_path(path, run_name="__main__")
    except Deadlock:
        status = "deadlock"
    except BaseException as exc:  # the program's own failure is part of what we record
        status, error = "error", f"{type(exc).__name__}: {exc}"
    result = {"status": status, "error": error, "time": round(clock.now, 6), "lines": lines}
    sys.stdout.write(to_json(result))


def to_json(result):
    """One line per printed line, so diffs of expected files read well."""
    head = {k: result[k] for k in ("status", "error", "time")}
    body = ",\n".join("    " + json.dumps(line) for line in result["lines"])
    inner = json.dumps(head)[1:-1]
    return "{" + inner + ',\n  "lines": [\n' + body + ("\n  " if body else "") + "]\n}\n"


def record(directory):
    """Runs each program in a fresh interpreter (task counters start at 1) and saves its output."""
    programs = sorted(pathlib.Path(directory).glob("*.py"))
    for program in programs:
        out = subprocess.run(
            [sys.executable, __file__, str(program)], capture_output=True, text=True, check=True
        ).stdout
        program.with_suffix(".expected.json").write_text(out)
    print(f"recorded {len(programs)} programs")


if __name__ == "__main__":
    if sys.argv[1] == "--record":
        record(sys.argv[2])
    else:
        main(sys.argv[1])
