/** The process side of the CLI: real stdout/stderr, TTY detection, and workers shut down after. */
import { disposeDefaultExecutor } from "../default-executor";
import { main } from "./main";

/** Runs the CLI for this process and returns its exit status. */
export async function runCli(args: string[]): Promise<number> {
  const color = Boolean(process.stdout.isTTY) && !("NO_COLOR" in process.env);
  try {
    return await main(args, {
      stdout: (text) => process.stdout.write(text),
      stderr: (text) => process.stderr.write(text),
      cwd: process.cwd(),
      color,
    });
  } finally {
    await disposeDefaultExecutor();
  }
}
