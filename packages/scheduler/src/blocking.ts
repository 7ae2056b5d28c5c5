/**
 * The blocking calls every thread can make: time.sleep, work (CPU), and the generic "wait in a
 * queue" every threading primitive builds on. Each is one preemption point.
 */
import { checkSeconds, secondsToNs } from "./clock";
import { type Kernel, kernelIfAny } from "./kernel";
import { perform } from "./perform";
import { Op, type Resource, type SimThread, type WaitQueue } from "./sim-thread";
import type { World } from "./world";

function sleepExec(k: Kernel, t: SimThread, ns: unknown): void {
  const n = ns as number;
  if (n <= 0) k.resume(t, undefined);
  else {
    if (k.world.tracing) k.trace("sleep", t, `time.sleep(${n / 1e9})`);
    k.block(t, null, `time.sleep(${n / 1e9})`, null, n, undefined);
  }
}

function workExec(k: Kernel, t: SimThread, ns: unknown): void {
  if (k.world.tracing) k.trace("cpu", t, `work(${(ns as number) / 1e9})`);
  k.cpu.request(t, ns as number);
}

/** True if a blocking call made now must return an Op to await (in a thread, or a driven body). */
function awaitedHere(world: World): boolean {
  const k = kernelIfAny(world);
  return k !== null && (k.driving > 0 || k.runsInThread() !== null);
}

/**
 * True (and `op` noted) for a call at the top level of a child process importing the program:
 * it has no await there, so the child's main thread blocks in it once the import returns.
 */
function blocksAfterImport(world: World, op: () => Op): boolean {
  const k = kernelIfAny(world);
  if (k === null || k.driving > 0) return false;
  const t = k.runsInThread();
  if (t === null || !t.process.importing || t.process.main !== t) return false;
  t.process.importBlocking.push(op());
  return true;
}

/** time.sleep: in a thread an awaited preemption point; elsewhere it blocks the caller. */
export function sleepCall(world: World, seconds: number): undefined {
  checkSeconds(seconds, "seconds");
  if (seconds < 0) throw new RangeError("sleep length must be non-negative");
  const op = () => new Op("time.sleep()", sleepExec, secondsToNs(seconds));
  if (blocksAfterImport(world, op)) return undefined;
  if (awaitedHere(world)) return perform<undefined>(op());
  world.blockFor(seconds, "sleep", "time.sleep()");
  world.blockingReturn = world.currentTask !== null;
  return undefined;
}

/** work(s): `s` seconds of CPU, holding the GIL of the caller's process in slices. */
export function workCall(world: World, seconds: number): undefined {
  checkSeconds(seconds, "seconds");
  const op = () => new Op("work()", workExec, secondsToNs(Math.max(0, seconds)));
  if (blocksAfterImport(world, op)) return undefined;
  if (awaitedHere(world)) return perform<undefined>(op());
  world.blockFor(seconds, "cpu", "work()");
  world.blockingReturn = world.currentTask !== null;
  return undefined;
}

interface WaitArgs {
  queue: WaitQueue;
  what: string;
  resource: Resource | null;
}

function waitExec(k: Kernel, t: SimThread, args: unknown, timeout: unknown): void {
  const a = args as WaitArgs;
  k.block(t, a.queue, a.what, a.resource, timeout as number | null, false);
}

/** An Op that blocks in `queue` until woken (resumes true) or `timeoutNs` passes (false). */
export function waitIn(
  queue: WaitQueue,
  what: string,
  resource: Resource | null,
  timeoutNs: number | null,
): Op {
  return new Op(what, waitExec, { queue, what, resource } satisfies WaitArgs, timeoutNs);
}

function passExec(k: Kernel, t: SimThread, value: unknown): void {
  k.resume(t, value);
}

/** An Op that only passes a preemption point and resumes with `value`. */
export function pass(label: string, value: unknown): Op {
  return new Op(label, passExec, value);
}
