/**
 * Takes the realm's sources of nondeterminism away from programs: `Math.random()` and the wall
 * clock behind `Date` and `performance.now()`. One seed must give one result in every host, and a context is
 * reused for many runs, so neither may depend on the machine, the time or the runs before.
 *
 * - `Math.random()` draws from the `random` the source gives: the entry's seeded generator (the
 *   scheduler's Prng, the same numbers in every engine), reseeded from each run's seed.
 * - `Date.now()` and `new Date()` read the virtual clock, as `time.time()` does: a program that
 *   times itself with Date sees virtual seconds pass, not the host's.
 * - `performance.now()` (QuickJS-ng has it) counts virtual milliseconds since the run began, as
 *   `time.perf_counter()` does; `performance.timeOrigin` is the virtual epoch.
 *
 * Runs inside QuickJS before the realm is frozen (harden.ts), in the main context and in each
 * child process's context, so it uses only the language.
 */

/** What the realm asks of the run in progress. */
export interface DeterminismSource {
  /** Milliseconds since the Unix epoch on the virtual clock. */
  nowMs(): number;
  /** nowMs() when a run begins (virtual time 0). */
  readonly originMs: number;
  /** A float in [0, 1) from the run's seeded generator. */
  random(): number;
}

type DateArgs = [] | [string | number | Date] | [number, number, ...number[]];

/** Replaces Math.random and Date of `global` by ones that read `source`. Call before freezing. */
export function installDeterminism(global: typeof globalThis, source: DeterminismSource): void {
  Object.defineProperty(global.Math, "random", {
    value: function random(): number {
      return source.random();
    },
    writable: true,
    configurable: true,
  });

  const HostDate = global.Date;
  const now = (): number => source.nowMs();
  // Called as a function, Date() returns a string; constructed with no arguments, "now".
  const VirtualDate = function VirtualDate(this: unknown, ...args: DateArgs): Date | string {
    if (new.target === undefined) return new HostDate(now()).toString();
    return args.length === 0 ? new HostDate(now()) : new HostDate(...(args as [number]));
  } as unknown as DateConstructor;
  Object.defineProperties(VirtualDate, {
    name: { value: "Date" },
    prototype: { value: HostDate.prototype, writable: false },
    now: { value: now, writable: true, configurable: true },
    parse: { value: HostDate.parse, writable: true, configurable: true },
    UTC: { value: HostDate.UTC, writable: true, configurable: true },
  });
  // `new Date().constructor` must not lead back to the host clock.
  Object.defineProperty(HostDate.prototype, "constructor", {
    value: VirtualDate,
    writable: true,
    configurable: true,
  });
  Object.defineProperty(HostDate, "now", { value: now, writable: true, configurable: true });
  Object.defineProperty(global, "Date", { value: VirtualDate, writable: true, configurable: true });

  // QuickJS-ng's performance.now is a non-configurable property of a configurable global: the
  // global is replaced by an object of the same shape that reads the virtual clock.
  if ("performance" in global) {
    const virtualPerformance = {
      now(): number {
        return source.nowMs() - source.originMs;
      },
      timeOrigin: source.originMs,
    };
    Object.defineProperty(global, "performance", {
      value: virtualPerformance,
      writable: true,
      configurable: true,
    });
  }
}

/** Removes the globals whose behaviour depends on when the garbage collector runs. */
export function removeGcObservers(global: typeof globalThis): void {
  const g = global as unknown as Record<string, unknown>;
  delete g.WeakRef;
  delete g.FinalizationRegistry;
}
