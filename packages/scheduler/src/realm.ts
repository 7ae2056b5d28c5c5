/**
 * A realm is where a child process's code lives. Python's default start method on macOS and
 * Windows (and the one Interleave follows everywhere) is spawn: the child starts a fresh
 * interpreter, imports the main module again under the name "__mp_main__" (so code guarded by
 * `if __name__ == "__main__"` does not run again), looks the target function up by name and
 * calls it with a pickled copy of the arguments. A realm does that for the scheduler: the
 * sandbox implements it with a fresh QuickJS context; `rerunRealm` re-runs a body function in
 * the same JavaScript realm, which is enough for tests because module-level variables are
 * created afresh by the re-run.
 */

/** A child process's view of the program: its functions, looked up by name. */
export interface ChildProgram {
  /** The function named `name` at the program's top level, or undefined. */
  lookup(name: string): unknown;
}

/** Evaluates the program again for a child process. */
export interface Realm {
  /**
   * Evaluates the program afresh as a child process would import it: the module it is given
   * has `__name__ === "__mp_main__"`. Called while the child is the current process, so what
   * the program prints at import time is printed by the child.
   */
  spawn(module: unknown): ChildProgram;
}

/**
 * A realm that re-runs `body` (the program's top level) with the child's module; the body
 * returns an object of its top-level functions (or nothing, then lookups fail).
 */
export function rerunRealm(body: (module: never) => unknown): Realm {
  return {
    spawn(module: unknown): ChildProgram {
      const exported = body(module as never);
      return {
        lookup(name: string): unknown {
          if (exported === null || typeof exported !== "object") return undefined;
          return Object.hasOwn(exported, name) ? (exported as Record<string, unknown>)[name] : undefined;
        },
      };
    },
  };
}
