#!/usr/bin/env node
// The package as it is published, in a project of its own: packs gradproof (`npm pack`, which
// builds dist/), installs the tarball into a copy of fixtures/consumer (its own models and
// specs, TypeScript's NodeNext resolution, the one-line matcher setup), then runs there what a
// user would: `tsc --noEmit` (NodeNext, Node16 and Bundler resolution; gradproof's own .d.ts
// also without skipLibCheck), `vitest run`, a plain `node` import, the installed CLI (with
// `reproduce`, whose workers run from dist/), and a count of tfjs copies; and, where this clone
// built the native addon, that the installed package built the same one.
// Exits non-zero on the first failure, naming the step. Usage: node scripts/testConsumer.mjs [--keep]
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const work = mkdtempSync(path.join(os.tmpdir(), 'gradproof-consumer-'));
const keep = process.argv.includes('--keep');

function step(name, command, args, cwd, env = {}) {
  const t0 = Date.now();
  console.error(`testConsumer: ${name}`);
  const r = spawnSync(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', env: { ...process.env, ...env } });
  if (r.status !== 0) {
    process.stderr.write(r.stdout.slice(-8000));
    process.stderr.write(r.stderr.slice(-8000));
    console.error(`testConsumer: ${name} failed (exit ${r.status ?? r.signal}); work folder ${work}`);
    process.exit(1);
  }
  console.error(`testConsumer: ${name} ok (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  return r.stdout;
}

try {
  const packed = JSON.parse(step('npm pack', 'npm', ['pack', '--json', '--pack-destination', work], root));
  const tarball = path.join(work, packed[0].filename);
  const project = path.join(work, 'consumer');
  cpSync(path.join(root, 'fixtures', 'consumer'), project, { recursive: true });
  const pkgFile = path.join(project, 'package.json');
  writeFileSync(pkgFile, readFileSync(pkgFile, 'utf8').replace('GRADPROOF_TARBALL', tarball));
  step('npm install (the tarball and its peers)', 'npm', ['install', '--no-audit', '--no-fund'], project);
  // Where this clone's addon built, the tarball's must too, from its own C sources: a source the
  // package's "files" left out would otherwise fail that build quietly and leave the consumer on
  // pure wasm, and every step below would still pass.
  const addonPath = (dir) => path.join(dir, 'accel', 'native', 'build', 'Release', 'gradproof_native.node');
  const describeAddon = (file) =>
    step(`the native addon at ${path.relative(work, file)}`, process.execPath, ['-e', `const a = require(${JSON.stringify(file)}); console.log(JSON.stringify({ library: a.info().library, functions: Object.keys(a).sort() }))`], project);
  if (existsSync(addonPath(root))) {
    const installed = addonPath(path.join(project, 'node_modules', 'gradproof'));
    if (!existsSync(installed)) {
      console.error(`testConsumer: this clone built the native addon but the installed package did not (${installed} is missing)`);
      process.exit(1);
    }
    const [cloneAddon, installedAddon] = [describeAddon(addonPath(root)), describeAddon(installed)];
    if (cloneAddon !== installedAddon) {
      console.error(`testConsumer: the installed package's addon differs from this clone's:\n  clone:     ${cloneAddon.trim()}\n  installed: ${installedAddon.trim()}`);
      process.exit(1);
    }
  } else {
    console.error('testConsumer: no native addon in this clone (no OpenBLAS here), so none is expected from the tarball');
  }
  step('tsc --noEmit (NodeNext, strict)', 'npx', ['tsc', '--noEmit', '-p', '.'], project);
  step('tsc --noEmit (Node16)', 'npx', ['tsc', '--noEmit', '-p', '.', '--module', 'node16', '--moduleResolution', 'node16'], project);
  step('tsc --noEmit (Bundler)', 'npx', ['tsc', '--noEmit', '-p', '.', '--module', 'esnext', '--moduleResolution', 'bundler'], project);
  // skipLibCheck off too, so gradproof's own .d.ts are checked; tfjs's own .d.ts have errors of
  // their own under it (why every tfjs project skips lib checks), which are not gradproof's to fix.
  const strict = spawnSync('npx', ['tsc', '--noEmit', '-p', 'tsconfig.declarations.json'], { cwd: project, encoding: 'utf8' });
  const ours = strict.stdout.split('\n').filter((l) => /^(node_modules\/gradproof\/|src\/|spec\/|vitest)/.test(l));
  if (ours.length > 0) {
    console.error(`testConsumer: gradproof's declarations fail a strict check without skipLibCheck:\n${ours.join('\n')}`);
    process.exit(1);
  }
  console.error(`testConsumer: gradproof's declarations pass without skipLibCheck (${strict.stdout.split('\n').filter((l) => /error TS/.test(l)).length} errors in other packages' own .d.ts)`);
  process.stdout.write(step('vitest run', 'npx', ['vitest', 'run'], project).split('\n').filter((l) => /Test Files|Tests /.test(l)).join('\n') + '\n');
  step('plain node import', process.execPath, ['-e', "import('gradproof').then((g) => { if (typeof g.checkGradients !== 'function') process.exit(3); })"], project);
  // The CLI finds the project's gradproof.config.ts (TypeScript, importing gradproof and tfjs).
  const listed = step('the CLI from the installed package', 'npx', ['gradproof', 'list'], project);
  if (!/^consumer\/stripes\s/m.test(listed)) {
    console.error(`testConsumer: \`gradproof list\` did not list the project's experiment:\n${listed}`);
    process.exit(1);
  }
  step("the CLI runs the project's own experiment", 'npx', ['gradproof', 'run', 'consumer/stripes', '--seed', '1', '--out', 'stripes.json'], project);
  const record = JSON.parse(readFileSync(path.join(project, 'stripes.json'), 'utf8'));
  if (record.experiment !== 'consumer/stripes' || record.config.data.dataset !== 'loader' || record.seed !== 1) {
    console.error(`testConsumer: unexpected run record ${JSON.stringify({ experiment: record.experiment, seed: record.seed, data: record.config.data })}`);
    process.exit(1);
  }
  // reproduce's worker processes run the installed dist/ (no tsx, no sources): fresh runs, then
  // one chain, of the toy project in fixtures/consumer/reproduce (its own loader, no data set).
  const config = ['--config', 'reproduce/gradproof.config.json', '--out', 'res'];
  step('reproduce from the installed package (workers on dist/)', 'npx', ['gradproof', 'reproduce', ...config], project);
  step('reproduce --protocol chained from the installed package', 'npx', ['gradproof', 'reproduce', '--protocol', 'chained', '--order', 'toy/bright,toy/bright-l2', ...config], project);
  for (const [file, protocol] of [
    ['res/runs/toy-bright/seed-0.json', 'fresh'],
    ['res/runs/toy-bright-l2/seed-0.json', 'fresh'],
    ['res/chained/toy-bright+toy-bright-l2/seed-0/1-toy-bright-l2.json', 'chained'],
  ]) {
    const record = JSON.parse(readFileSync(path.join(project, file), 'utf8'));
    if (record.protocol !== protocol || record.epochs.length !== 2) {
      console.error(`testConsumer: ${file} is not a finished ${protocol} run record`);
      process.exit(1);
    }
  }
  const cores = step('one tfjs', 'npm', ['ls', '@tensorflow/tfjs-core', '--all', '--parseable'], project).trim().split('\n').filter(Boolean);
  const copies = new Set(cores.map((p) => path.resolve(p)));
  if (copies.size !== 1) {
    console.error(`testConsumer: ${copies.size} copies of @tensorflow/tfjs-core installed: ${[...copies].join(', ')}`);
    process.exit(1);
  }
  console.error('testConsumer: the packed package works in a NodeNext project');
} finally {
  if (!keep) rmSync(work, { recursive: true, force: true });
}
