// The Node host: a pool of worker threads

// A run's cost in CPU time
export { STARVED_SHARE, starved, threadCpuMs } from "./cpu-time";
export {
  createNodeSandbox,
  emptyPoolStats,
  findWorkerFile,
  NodeSandbox,
  type NodeSandboxOptions,
  type NodeSandboxStats,
} from "./pool";
export type { MeasuredRun } from "../result";
export type { WorkerReply, WorkerRun, WorkerTask } from "./worker";
