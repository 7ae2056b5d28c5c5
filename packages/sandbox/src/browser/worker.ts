/**
 * The browser host's Web Worker (an ES module worker): one QuickJSSandbox, kept warm between
 * runs. The page talks to it through createBrowserSandbox() (client.ts), which terminates and
 * replaces it to cancel a run or to stop one that outlived its deadline.
 *
 * The .wasm file is loaded by URL: the variant resolves it next to its own module, which
 * bundlers (webpack, Turbopack) emit as a static asset; a page may instead pass `?wasm=URL`
 * in the worker's URL.
 */
import { QuickJSSandbox, type SandboxOptions } from "../sandbox";
import type { ReplyMessage, RunMessage } from "./protocol";

interface WorkerScope {
  location: { href: string };
  postMessage(message: ReplyMessage): void;
  addEventListener(type: "message", listener: (event: { data: RunMessage }) => void): void;
}

const scope = globalThis as unknown as WorkerScope;
const wasm = new URL(scope.location.href).searchParams.get("wasm");
const options: SandboxOptions = wasm === null ? {} : { wasmLocation: wasm };
let sandbox: Promise<QuickJSSandbox> | null = null;
let queue: Promise<void> = Promise.resolve();

scope.addEventListener("message", (event) => {
  const { id, source, options: runOptions } = event.data;
  // One run at a time, in the order they came.
  queue = queue.then(async () => {
    try {
      sandbox ??= QuickJSSandbox.create(options);
      const box = await sandbox;
      scope.postMessage({ id, started: true });
      const result = await box.run(source, runOptions);
      scope.postMessage({ id, result });
    } catch (error) {
      scope.postMessage({
        id,
        failure: error instanceof Error ? `${error.name}: ${error.message}` : "unknown",
      });
    }
  });
});
