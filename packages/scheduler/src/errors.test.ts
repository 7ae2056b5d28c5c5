import { describe, expect, it } from "vitest";
import { PythonError, pythonName, recordedPythonName } from "./errors";
import { run } from "./runtime";

describe("error names and reprs do not depend on class names surviving minification", () => {
  it("names an error by its recorded Python name, even when its class was renamed to 'p'", () => {
    const p = class extends PythonError {};
    pythonName(p, "ZeroDivisionError");
    const e = new p("division by zero");
    expect(`${e.name}: ${e.message}`).toBe("ZeroDivisionError: division by zero");
  });

  it("records a Python name for every error, lock, semaphore and queue class a program can reach", () => {
    const result = run(({ threading, queue, asyncio, print, ValueError, RuntimeError, KeyError }) => {
      const classes: Record<string, unknown> = {
        ValueError,
        RuntimeError,
        KeyError,
        CancelledError: asyncio.CancelledError,
        TimeoutError: asyncio.TimeoutError,
        InvalidStateError: asyncio.InvalidStateError,
        QueueEmpty: asyncio.QueueEmpty,
        QueueFull: asyncio.QueueFull,
        BrokenBarrierError: threading.BrokenBarrierError,
        Lock: threading.Lock,
        RLock: threading.RLock,
        Semaphore: threading.Semaphore,
        BoundedSemaphore: threading.BoundedSemaphore,
        Queue: queue.Queue,
        LifoQueue: queue.LifoQueue,
        PriorityQueue: queue.PriorityQueue,
        Empty: queue.Empty,
        Full: queue.Full,
      };
      for (const [name, cls] of Object.entries(classes)) print(name, recordedPythonName(cls) ?? "missing");
    });
    expect(result.status).toBe("ok");
    for (const line of result.output) {
      const [name, recorded] = line.text.split(" ");
      expect(recorded).toBe(name);
    }
    expect(result.output).toHaveLength(18);
  });

  it("keeps a student's own error class name", () => {
    const result = run(({ print, ValueError }) => {
      class BadInput extends ValueError {}
      print(new BadInput("x").name);
    });
    expect(result.output.map((l) => l.text)).toEqual(["BadInput"]);
  });
});
