import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import { SchemaError } from '../errors/SchemaError.js';

// ajv ships CommonJS and names its class as a property too, which every resolution mode (Bundler,
// NodeNext) and Node's own CommonJS interop agree on; its default export they do not.
const ajv = new Ajv({ allErrors: false, strict: true, allowUnionTypes: true });
const cache = new Map<string, ValidateFunction>();

/**
 * Returns a function that checks a value against `schema/<name>` and throws a SchemaError
 * naming the JSON path of the first problem (`$.epochs[3].testAcc: must be <= 1, got 97.2`).
 */
export function schemaValidator<T>(name: string): (value: unknown, file?: string) => T {
  let validate = cache.get(name);
  if (!validate) {
    const path = fileURLToPath(new URL(`../../schema/${name}`, import.meta.url));
    validate = ajv.compile(JSON.parse(readFileSync(path, 'utf8')));
    cache.set(name, validate);
  }
  const check = validate;
  return (value, file) => {
    if (check(value)) return value as T;
    const err = check.errors![0]!;
    const jsonPath = toJsonPath(err.instancePath);
    const got = valueAt(value, err.instancePath);
    const detail = err.keyword === 'additionalProperties'
      ? `unknown property ${JSON.stringify((err.params as { additionalProperty: string }).additionalProperty)}`
      : `${err.message ?? 'invalid'}, got ${truncate(JSON.stringify(got))}`;
    const where = file ? `${file}: ` : '';
    throw new SchemaError(jsonPath, `${where}${name.replace(/\.schema\.json$/, '')}: ${jsonPath}: ${detail}`, file);
  };
}

function toJsonPath(pointer: string): string {
  if (pointer === '') return '$';
  return '$' + pointer.split('/').slice(1).map((p) => (/^\d+$/.test(p) ? `[${p}]` : `.${p.replace(/~1/g, '/').replace(/~0/g, '~')}`)).join('');
}

function valueAt(value: unknown, pointer: string): unknown {
  let v = value;
  for (const part of pointer.split('/').slice(1)) v = (v as Record<string, unknown> | undefined)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  return v;
}

const truncate = (s: string | undefined): string => (s === undefined ? 'nothing' : s.length > 60 ? `${s.slice(0, 57)}...` : s);
