// The Node host: a pool of worker threads
export {
  createNodeSandbox,
  findWorkerFile,
  NodeSandbox,
  type NodeSandboxOptions,
  type NodeSandboxStats,
} from "./pool";
export type { WorkerReply, WorkerTask } from "./worker";
