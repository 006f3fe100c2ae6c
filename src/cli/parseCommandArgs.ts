import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../errors/UsageError.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * node:util parseArgs, with its errors turned into one-line UsageErrors naming the command.
 * A negative number after an option that takes a value (`--seed -1`) is that option's value,
 * so the flag's own check can name it (`--seed must be an integer >= 0, got "-1"`) instead of
 * parseArgs calling it ambiguous.
 */
export function parseCommandArgs<O extends Options>(
  command: string,
  args: readonly string[],
  options: O,
): ReturnType<typeof parseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true }>> {
  const joined = joinNegativeValues(args, options);
  try {
    return parseArgs({ args: joined, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(`gradproof ${command}: ${oneLine((e as Error).message, joined)}`);
  }
}

/** `--name -1` → `--name=-1` for options of type string (up to a `--` that ends the options). */
function joinNegativeValues(args: readonly string[], options: Options): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') return [...out, ...args.slice(i)];
    const next = args[i + 1];
    const takesValue = a.startsWith('--') && !a.includes('=') && options[a.slice(2)]?.type === 'string';
    if (takesValue && next !== undefined && /^-(\d|\.\d)/.test(next)) {
      out.push(`${a}=${next}`);
      i++;
    } else out.push(a);
  }
  return out;
}

/** parseArgs's several-line advice, said in one line. */
function oneLine(message: string, args: readonly string[]): string {
  const ambiguous = /^Option '(--[\w-]+)' argument is ambiguous/.exec(message);
  if (ambiguous) {
    const flag = ambiguous[1]!;
    const next = args[args.indexOf(flag) + 1];
    return `${flag} needs a value, got the option ${JSON.stringify(next)}; write ${flag}=VALUE for a value that starts with "-"`;
  }
  const missing = /^Option '(--[\w-]+)(?: <value>)?' argument missing/.exec(message);
  if (missing) return `${missing[1]} needs a value`;
  return message.replace(/\. To specify a positional argument.*$/s, '').split('\n')[0]!;
}

/** Parses an integer flag, naming the flag and echoing the value when it is not one. */
export function intFlag(
  command: string,
  name: string,
  value: string | undefined,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^-?\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min || n > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `in ${min}..${max}`;
    throw new UsageError(`gradproof ${command}: --${name} must be an integer ${range}, got ${JSON.stringify(value)}`);
  }
  return n;
}
