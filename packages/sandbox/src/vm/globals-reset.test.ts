import { describe, expect, it } from "vitest";
import { globalsReset } from "./globals-reset";

/** A stand-in for a hardened global object: frozen built-ins, extensible itself. */
function realm(): Record<PropertyKey, unknown> {
  const global: Record<PropertyKey, unknown> = {};
  Object.defineProperty(global, "Builtin", {
    value: Object.freeze({}),
    writable: false,
    configurable: false,
  });
  Object.defineProperty(global, "NaN", { value: Number.NaN, writable: false, configurable: false });
  return global;
}

describe("globalsReset", () => {
  it("deletes the globals added since the baseline and leaves the built-ins", () => {
    const global = realm();
    const builtin = global.Builtin;
    const reset = globalsReset(global);
    global.stash = [1];
    global[Symbol.for("x")] = 1;
    expect(reset()).toBe("");
    expect(Reflect.ownKeys(global)).toEqual(["Builtin", "NaN"]);
    expect(global.Builtin).toBe(builtin);
  });

  it("reports a global it cannot delete", () => {
    const global = realm();
    const reset = globalsReset(global);
    Object.defineProperty(global, "stuck", { value: 1, configurable: false });
    expect(reset()).toMatch(/cannot be removed \(stuck\)/);
  });

  it("reports a replaced prototype and a non-extensible global object", () => {
    const swapped = realm();
    const resetSwapped = globalsReset(swapped);
    Object.setPrototypeOf(swapped, { leaked: 1 });
    expect(resetSwapped()).toMatch(/prototype/);

    const sealed = realm();
    const resetSealed = globalsReset(sealed);
    Object.preventExtensions(sealed);
    expect(resetSealed()).toMatch(/non-extensible/);
  });

  it("reports a built-in global given another value (QuickJS's default build allows it)", () => {
    const global: Record<string, unknown> = { Builtin: 1 };
    const reset = globalsReset(global);
    expect(reset()).toBe("");
    global.Builtin = 2;
    expect(reset()).toMatch(/redefined a built-in global \(Builtin\)/);
  });

  it("reports a built-in global the program deleted", () => {
    const global: Record<string, unknown> = { Builtin: 1 };
    const reset = globalsReset(global);
    delete global.Builtin;
    expect(reset()).toMatch(/redefined a built-in global \(Builtin\)/);
  });
});
