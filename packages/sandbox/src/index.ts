// Running a program in QuickJS on the current thread
export { DEFAULT_VARIANT, Engine, type VariantName } from "./engine";
// Errors
export { RunCancelledError, RuntimeBundleError, SandboxDisposedError } from "./errors";
// The editor's types of the "interleave" module (for Monaco's addExtraLib)
export { INTERLEAVE_DTS } from "./generated/interleave-dts";
// Limits
export {
  DEFAULT_LIMITS,
  resolveLimits,
  type SandboxLimits,
  type SandboxStop,
  STOP_TYPES,
  stopMessage,
} from "./limits";
export type { MeasuredRun } from "./result";
export { type CompiledJob, runInQuickJS } from "./run-in-quickjs";
export { QuickJSSandbox, type RunOptions, type SandboxOptions } from "./sandbox";
