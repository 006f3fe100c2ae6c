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

const USAGE = `gradproof: reproduce and test the report's neural-network experiments

usage:
  gradproof list [--json]
  ${RUN_USAGE}
  gradproof data fetch cifar10 [--data DIR] [--url URL]
  ${GRADCHECK_USAGE}
  ${REPRODUCE_USAGE}
  ${CHECK_USAGE}
  ${GOLDEN_USAGE}
  ${GRADE_USAGE}
  ${BENCH_USAGE}

Data: --data DIR, else $GRADPROOF_DATA, else ./data (holding gurmukhi/, cifar10-jpg/ or cifar-10-batches-bin/).
Add --debug to any command for a stack trace on errors.
`;

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
    err.write(`gradproof ${command ?? ''}: unexpected error: ${(e as Error).message ?? String(e)}${debug ? '' : ' (run with --debug for a stack trace)'}\n`);
    return 1;
  }
}
