import { GradproofError } from '../errors/GradproofError';
import { UsageError } from '../errors/UsageError';
import { BENCH_USAGE, benchCommand } from './commands/benchCommand';
import { CHECK_USAGE, checkCommand } from './commands/checkCommand';
import { dataCommand } from './commands/dataCommand';
import { GRADCHECK_USAGE, gradcheckCommand } from './commands/gradcheckCommand';
import { GRADE_USAGE, gradeCommand } from './commands/gradeCommand';
import { GOLDEN_USAGE, goldenCommand } from './commands/goldenCommand';
import { listCommand } from './commands/listCommand';
import { REPRODUCE_USAGE, reproduceCommand } from './commands/reproduceCommand';
import { RUN_USAGE, runCommand } from './commands/runCommand';

/** Each command's usage line and what it does, for `gradproof help` and `gradproof <command> --help`. */
const COMMANDS: Record<string, { usage: string; does: string }> = {
  list: { usage: 'gradproof list [--json]', does: "Lists the report's experiments with their data set, model and protocol." },
  run: { usage: RUN_USAGE, does: 'Trains one experiment and writes its run record (backend, versions and seed included).' },
  data: {
    usage: 'gradproof data fetch cifar10 [--data DIR] [--url URL]',
    does: 'Downloads the official CIFAR-10 binary release (md5-checked, resumable) and unpacks it under DIR.',
  },
  gradcheck: { usage: GRADCHECK_USAGE, does: "Checks autodiff's gradients of an experiment's training loss against finite differences." },
  reproduce: {
    usage: REPRODUCE_USAGE,
    does: 'Runs the experiments (one child process per core; resumable), then writes the report card, plots and report.html.',
  },
  check: { usage: CHECK_USAGE, does: 'Holds run records against the golden bands; exit 1 when a gating figure misses its band.' },
  golden: { usage: GOLDEN_USAGE, does: "Rebuilds the golden files from the report's figures and a folder of multi-seed runs." },
  grade: { usage: GRADE_USAGE, does: "Grades a student's training log or code against the rubric (Gradescope results.json, JUnit)." },
  bench: { usage: BENCH_USAGE, does: 'Measures training and evaluation throughput (examples/s, GFLOP/s, peak RSS) on the real data.' },
};

const FOOTER = `Data: --data DIR, else $GRADPROOF_DATA, else ./data (holding gurmukhi/, cifar10-jpg/ or cifar-10-batches-bin/).
Threads: with the native addon, --threads N (bench) sets OpenBLAS threads (default 1); on pure wasm,
--wasm-threads N (run, bench) sets threads for matrix products (default: every core; results do not change).
Add --debug to any command for a stack trace on errors.
`;

const USAGE = `gradproof: reproduce and test the report's neural-network experiments

usage:
${Object.values(COMMANDS)
  .map((c) => `  ${c.usage}`)
  .join('\n')}

Run \`gradproof <command> --help\` for what a command does.
${FOOTER}`;

/**
 * The CLI entry: parses the command, runs it, and turns errors into one line on stderr and an
 * exit status (2 for usage and data errors, 1 for anything unexpected). Returns the status.
 */
export async function main(
  argv: readonly string[],
  out: NodeJS.WritableStream = process.stdout,
  err: NodeJS.WriteStream = process.stderr,
): Promise<number> {
  const debug = argv.includes('--debug');
  const args = argv.filter((a) => a !== '--debug');
  const [command, ...rest] = args;
  const help = command !== undefined ? COMMANDS[command] : undefined;
  if (help && (rest.includes('--help') || rest.includes('-h'))) {
    out.write(`usage: ${help.usage}\n\n${help.does}\n\n${FOOTER}`);
    return 0;
  }
  try {
    switch (command) {
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        out.write(USAGE);
        return command === undefined ? 2 : 0;
      case 'list':
        return listCommand(rest, out);
      case 'run':
        return await runCommand(rest, out, err);
      case 'data':
        return await dataCommand(rest, err);
      case 'gradcheck':
        return await gradcheckCommand(rest, out, err);
      case 'reproduce':
        return await reproduceCommand(rest, out, err);
      case 'check':
        return await checkCommand(rest, out);
      case 'bench':
        return await benchCommand(rest, out, err);
      case 'grade':
        return await gradeCommand(rest, out, err);
      case 'golden':
        return await goldenCommand(rest, out);
      default:
        throw new UsageError(`gradproof: unknown command ${JSON.stringify(command)}; run \`gradproof help\``);
    }
  } catch (e) {
    if (debug) err.write(`${(e as Error).stack ?? String(e)}\n`);
    if (e instanceof GradproofError) {
      err.write(`${e.message}\n`);
      return 2;
    }
    err.write(
      `gradproof ${command ?? ''}: unexpected error: ${(e as Error).message ?? String(e)}${debug ? '' : ' (run with --debug for a stack trace)'}\n`,
    );
    return 1;
  }
}
