import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../errors/UsageError.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** node:util parseArgs, with its errors turned into one-line UsageErrors naming the command. */
export function parseCommandArgs<O extends Options>(
  command: string,
  args: readonly string[],
  options: O,
): ReturnType<typeof parseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true }>> {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (e) {
    const msg = (e as Error).message.replace(/\. To specify a positional argument.*$/s, '');
    throw new UsageError(`gradproof ${command}: ${msg}`);
  }
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
