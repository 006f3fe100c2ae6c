#!/usr/bin/env node
// Builds what the package ships: `dist/` as compiled ESM JavaScript with `.d.ts` beside it
// (tsc with tsconfig.build.json: NodeNext, so the sources are held to what Node's ESM loader and
// TypeScript's NodeNext/Node16 resolution accept), plus the plain-JS files tsc does not copy
// (the sandbox's runner.mjs). `dist/` mirrors `src/`, so paths found through import.meta.url
// (schema/, golden/, native/, bin/) resolve the same from either.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
rmSync(dist, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const r = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
if (r.status !== 0) {
  console.error('build: tsc failed');
  process.exit(r.status ?? 1);
}
let copied = 0;
const copyPlain = (rel) => {
  for (const e of readdirSync(path.join(root, 'src', rel))) {
    const from = path.join(root, 'src', rel, e);
    if (statSync(from).isDirectory()) copyPlain(path.join(rel, e));
    else if (e.endsWith('.mjs')) {
      mkdirSync(path.join(dist, rel), { recursive: true });
      copyFileSync(from, path.join(dist, rel, e));
      copied++;
    }
  }
};
copyPlain('');
console.error(`build: dist/ written (${copied} plain JavaScript files copied)`);
