// The browser host: runs in a module Web Worker
export { type BrowserSandbox, type BrowserSandboxOptions, createBrowserSandbox } from "./client";
