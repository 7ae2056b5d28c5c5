/**
 * Errors a program can see, named as Python names them (asyncio.CancelledError, ValueError ...),
 * plus RunAborted, which ends a run (limits, deadlock) and which the program cannot swallow.
 */

/** Python names of the runtime's own classes, kept as strings: a minifier may rename the classes. */
const pythonNames = new WeakMap<object, string>();

/** Records the Python name of one of the runtime's classes; returns the class. */
export function pythonName<C extends object>(cls: C, name: string): C {
  pythonNames.set(cls, name);
  return cls;
}

/** The Python name recorded for one of the runtime's classes, if any. */
export function recordedPythonName(cls: unknown): string | undefined {
  return typeof cls === "function" ? pythonNames.get(cls) : undefined;
}

/** A class's Python name: the recorded one for the runtime's classes, else its own (a student's class). */
export function pyClassName(cls: unknown): string {
  if (cls === null || cls === undefined) return "object";
  const known = recordedPythonName(cls);
  if (known !== undefined) return known;
  const name = (cls as { name?: unknown }).name;
  return typeof name === "string" && name !== "" ? name : "object";
}

/** Base of every Python-named error: `name` is the concrete class name, as Python's type name. */
export class PythonError extends Error {
  constructor(message = "") {
    super(message);
    // An own, writable property, so a student's subclass may still assign `this.name`.
    Object.defineProperty(this, "name", {
      value: pyClassName(new.target),
      writable: true,
      configurable: true,
      enumerable: false,
    });
  }
}

/** The operation was cancelled (asyncio.CancelledError). */
export class CancelledError extends PythonError {}

/** The operation exceeded its deadline (Python's builtin TimeoutError, asyncio.TimeoutError). */
export class TimeoutError extends PythonError {}

/** A future was asked for something its state does not allow (asyncio.InvalidStateError). */
export class InvalidStateError extends PythonError {}

/** get_nowait() on an empty queue (asyncio.QueueEmpty). */
export class QueueEmpty extends PythonError {}

/** put_nowait() on a full queue (asyncio.QueueFull). */
export class QueueFull extends PythonError {}

/** A barrier was aborted or reset while tasks waited on it (asyncio.BrokenBarrierError). */
export class BrokenBarrierError extends PythonError {}

/** Python's ValueError. */
export class ValueError extends PythonError {}

/** Python's RuntimeError. */
export class RuntimeError extends PythonError {}

/** Python's KeyError. */
export class KeyError extends PythonError {}

/** Several errors raised together, as TaskGroup raises them (Python's ExceptionGroup). */
export class ExceptionGroup extends PythonError {
  readonly exceptions: readonly unknown[];
  constructor(message: string, exceptions: readonly unknown[]) {
    const n = exceptions.length;
    super(`${message} (${n} sub-exception${n === 1 ? "" : "s"})`);
    this.exceptions = Object.freeze([...exceptions]);
  }
}

pythonName(PythonError, "PythonError");
pythonName(CancelledError, "CancelledError");
pythonName(TimeoutError, "TimeoutError");
pythonName(InvalidStateError, "InvalidStateError");
pythonName(QueueEmpty, "QueueEmpty");
pythonName(QueueFull, "QueueFull");
pythonName(BrokenBarrierError, "BrokenBarrierError");
pythonName(ValueError, "ValueError");
pythonName(RuntimeError, "RuntimeError");
pythonName(KeyError, "KeyError");
pythonName(ExceptionGroup, "ExceptionGroup");

/** Why a run was stopped from outside the program. */
export type AbortStatus = "deadlock" | "timeout" | "limit";

/**
 * Ends the run: a limit was reached or nothing can ever run again. Thrown through the program;
 * the world remembers it, so a program that catches it still ends with this status.
 */
export class RunAborted extends Error {
  readonly status: AbortStatus;
  constructor(status: AbortStatus, message: string) {
    super(message);
    this.status = status;
    this.name = "RunAborted";
  }
}
