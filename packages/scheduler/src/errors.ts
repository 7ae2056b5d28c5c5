/**
 * Errors a program can see, named as Python names them (asyncio.CancelledError, ValueError ...),
 * plus RunAborted, which ends a run (limits, deadlock) and which the program cannot swallow.
 */

/** Base of every Python-named error: `name` is the concrete class name, as Python's type name. */
export class PythonError extends Error {
  constructor(message = "") {
    super(message);
    // An own, writable property, so a student's subclass may still assign `this.name`.
    Object.defineProperty(this, "name", {
      value: new.target.name,
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
