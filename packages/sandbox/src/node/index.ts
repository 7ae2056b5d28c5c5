// The Node host: a pool of worker threads

// A run's result with its CPU time, and that cost measured
export type { MeasuredRun } from "../result";
export { STARVED_SHARE, starved, threadCpuMs } from "./cpu-time";
export {
  createNodeSandbox,
  emptyPoolStats,
  findWorkerFile,
  NodeSandbox,
  type NodeSandboxOptions,
  type NodeSandboxStats,
} from "./pool";
export type { WorkerReply, WorkerRun, WorkerTask } from "./worker";
