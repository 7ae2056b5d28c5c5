/**
 * The `interleave` command line: run, grade, check and new. `main` takes the arguments and an
 * IO object and returns the exit status, so every command can be tested in-process.
 */
import { cac } from "cac";
import { GraderError, UsageError } from "../errors";
import { type CliIO, EXIT } from "./io";
import { STRATEGIES } from "./run-command";

// Commands are imported when used: check and new need @interleave/content, which is slow to load.

function integer(name: string, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new UsageError(`--${name} takes a whole number (got '${String(value)}')`);
  return n;
}

/** Runs the CLI with `args` (without "node" and the script); resolves to the exit status. */
export async function main(args: readonly string[], io: CliIO): Promise<number> {
  const cli = cac("interleave");
  let pending: Promise<number> | null = null;
  const defer = (work: () => Promise<number>) => {
    pending = work();
  };

  cli
    .command("run <file>", "Run a program and print its output with virtual timestamps")
    .option("--seed <n>", "Seed of the strategy's choices")
    .option("--strategy <name>", `Thread scheduling: ${STRATEGIES.join(", ")}`)
    .option("--depth <n>", "PCT's bug depth")
    .option("--steps <n>", "PCT's estimate of preemption points per run")
    .option("--json", "Print the whole run result as JSON")
    .option("--timeline", "Draw the tasks over virtual time")
    .action((file: string, o: Record<string, unknown>) =>
      defer(() => {
        const flags = {
          seed: integer("seed", o.seed),
          depth: integer("depth", o.depth),
          steps: integer("steps", o.steps),
          strategy: o.strategy === undefined ? undefined : String(o.strategy),
          json: Boolean(o.json),
          timeline: Boolean(o.timeline),
        };
        return import("./run-command").then((m) => m.runCommand(file, JSON.parse(JSON.stringify(flags)), io));
      }),
    );
  cli
    .command("grade <exercise> <file>", "Grade FILE against an exercise (an id or its folder)")
    .option("--json", "Print the results.json (Exercism v3 with Interleave's extras)")
    .option("--hidden", "Include the hidden checks (the server always does)")
    .action((exercise: string, file: string, o: Record<string, unknown>) =>
      defer(() =>
        import("./grade-command").then((m) =>
          m.gradeCommand(exercise, file, { json: Boolean(o.json), hidden: Boolean(o.hidden) }, io),
        ),
      ),
    );
  cli
    .command("check [path]", "Validate the course, a module or an exercise folder")
    .action((target: string | undefined) =>
      defer(() => import("./check-command").then((m) => m.checkCommand(target, io))),
    );
  cli
    .command("new <module/exercise>", "Scaffold an exercise folder to fill in")
    .action((id: string) => defer(() => import("./new-command").then((m) => m.newCommand(id, io))));
  cli.help();

  try {
    const parsed = cli.parse(["node", "interleave", ...args], { run: false });
    if (parsed.options.help || parsed.options.h) return EXIT.ok;
    if (!cli.matchedCommand) {
      const given = cli.args[0];
      throw new UsageError(
        given
          ? `unknown command '${given}': use run, grade, check or new`
          : "give a command: run, grade, check or new (--help for details)",
      );
    }
    await cli.runMatchedCommand();
    if (!pending) return EXIT.ok;
    return await pending;
  } catch (error) {
    if (error instanceof UsageError || (error instanceof Error && error.name === "CACError")) {
      io.stderr(`interleave: ${error.message}\n`);
      return EXIT.usage;
    }
    if (error instanceof GraderError) {
      io.stderr(`interleave: ${error.message}\n`);
      return EXIT.usage;
    }
    const content = error instanceof Error && error.name.endsWith("ExerciseError");
    if (content) {
      io.stderr(`interleave: ${(error as Error).message}\n`);
      return EXIT.usage;
    }
    throw error;
  }
}
