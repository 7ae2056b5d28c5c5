/** What a command needs from its surroundings, so tests can run commands in-process. */
import type { Executor } from "../executor";

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  /** Colours and progress lines (a TTY); off in tests and pipes. */
  color: boolean;
  /** What runs programs (default: the sandbox's pool). */
  executor?: Executor;
  /** The course folder (default: the repository's exercises/). */
  root?: string;
}

/** Exit statuses: 0 all good, 1 a check (or validation) failed, 2 usage or grading-setup error. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

export function paint(io: CliIO) {
  const wrap = (open: number, close: number) => (text: string) =>
    io.color ? `\u001b[${open}m${text}\u001b[${close}m` : text;
  return {
    green: wrap(32, 39),
    red: wrap(31, 39),
    yellow: wrap(33, 39),
    dim: wrap(2, 22),
    bold: wrap(1, 22),
  };
}
