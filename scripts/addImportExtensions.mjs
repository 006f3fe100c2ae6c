#!/usr/bin/env node
// Rewrites extensionless relative imports in TypeScript sources to the `.js` specifiers that
// Node's ESM loader and TypeScript's NodeNext resolution require (`./foo` → `./foo.js`, a folder
// → `./foo/index.js`). Idempotent; prints what it changed. Usage: node scripts/addImportExtensions.mjs DIR...
// Our own script because the rewrite is a few lines and must know which of `foo.ts` and
// `foo/index.ts` exists; codemods on npm do the same with a TypeScript compiler as a dependency.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const SPECIFIER = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\bexport\s*\*\s*from\s*)(['"])(\.{1,2}\/[^'"]*)\2/g;

function rewrite(file) {
  const dir = path.dirname(file);
  const text = readFileSync(file, 'utf8');
  let changed = 0;
  const out = text.replace(SPECIFIER, (whole, lead, quote, spec) => {
    if (/\.(m?js|cjs|json|node)$/.test(spec)) return whole;
    const target = path.resolve(dir, spec);
    let next;
    if (existsSync(`${target}.ts`)) next = `${spec}.js`;
    else if (existsSync(path.join(target, 'index.ts'))) next = `${spec.replace(/\/$/, '')}/index.js`;
    else if (spec.endsWith('.ts') && existsSync(target)) next = spec.replace(/\.ts$/, '.js');
    else throw new Error(`${file}: cannot resolve ${spec}`);
    changed++;
    return `${lead}${quote}${next}${quote}`;
  });
  if (changed > 0) writeFileSync(file, out);
  return changed;
}

function walk(p) {
  if (statSync(p).isDirectory()) return readdirSync(p).flatMap((e) => walk(path.join(p, e)));
  return /\.(ts|mts)$/.test(p) && !p.endsWith('.d.ts') ? [p] : [];
}

let files = 0;
let specifiers = 0;
for (const root of process.argv.slice(2)) {
  for (const f of walk(root)) {
    const n = rewrite(f);
    if (n > 0) {
      files++;
      specifiers += n;
    }
  }
}
console.log(`addImportExtensions: ${specifiers} specifiers in ${files} files`);
