import { GradproofError } from '../errors/GradproofError.js';
import { UsageError } from '../errors/UsageError.js';
import { COMMAND_HELP } from './commandHelp.js';
import { quietTfjs } from './quietTfjs.js';

const COMMANDS: Readonly<Record<string, { usage: string; does: string }>> = COMMAND_HELP;

/** The commands that load TensorFlow.js anyway; the others start without it (`list` in 0.3 s). */
const TFJS_COMMANDS: ReadonlySet<string> = new Set(['run', 'gradcheck', 'reproduce', 'explain', 'bench', 'grade']);

const FOOTER = `Projects: a gradproof.config.ts or .json in the working folder (or --config FILE) declares experiments of your
own (data set, normalisation, model, regularisers, optimiser, epochs, batch size) and where their golden files are;
without one, every command works on the report's 13 experiments.
Data (gurmukhi/, cifar-10-batches-bin/, cifar10-jpg/): run, gradcheck and reproduce look in --data DIR alone when given,
else for each data set in $GRADPROOF_DATA, the user cache (where \`gradproof data fetch gurmukhi|cifar10\` and --fetch
put it), then ./data; bench in --data DIR, else $GRADPROOF_DATA, else ./data.
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
    if (command !== undefined && TFJS_COMMANDS.has(command)) await quietTfjs();
    // Each command's modules load only when it runs: `run` (what reproduce starts per experiment)
    // then skips the plotting, grading and report code and their native libraries.
    switch (command) {
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        out.write(USAGE);
        return command === undefined ? 2 : 0;
      case 'list':
        return await (await import('./commands/listCommand.js')).listCommand(rest, out);
      case 'run':
        return await (await import('./commands/runCommand.js')).runCommand(rest, out, err);
      case 'data':
        return await (await import('./commands/dataCommand.js')).dataCommand(rest, err);
      case 'gradcheck':
        return await (await import('./commands/gradcheckCommand.js')).gradcheckCommand(rest, out, err);
      case 'reproduce':
        return await (await import('./commands/reproduceCommand.js')).reproduceCommand(rest, out, err);
      case 'explain':
        return await (await import('./commands/explainCommand.js')).explainCommand(rest, out, err);
      case 'check':
        return await (await import('./commands/checkCommand.js')).checkCommand(rest, out, err);
      case 'bench':
        return await (await import('./commands/benchCommand.js')).benchCommand(rest, out, err);
      case 'grade':
        return await (await import('./commands/gradeCommand.js')).gradeCommand(rest, out, err);
      case 'golden':
        return await (await import('./commands/goldenCommand.js')).goldenCommand(rest, out);
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
