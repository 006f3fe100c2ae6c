#!/usr/bin/env node
// Builds gradproof's native addon (accel/native/: OpenBLAS sgemm + fused Adam for the wasm backend)
// during `npm ci`/`npm install`. It never fails the install: without OpenBLAS, a compiler or
// node-gyp, or if the built addon does not load, it says why and gradproof runs on its
// pure-wasm kernels. Where oneDNN's development files are installed too (Debian: libdnnl-dev),
// the addon also links oneDNN and multiplies the shapes it is faster on there; a build with
// oneDNN that does not load is retried without it. `--verbose` prints node-gyp's output;
// GRADPROOF_SKIP_NATIVE=1 skips the addon, GRADPROOF_ONEDNN=0 leaves oneDNN out.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const nativeDir = path.join(root, 'accel', 'native');
const addon = path.join(nativeDir, 'build', 'Release', 'gradproof_native.node');
const verbose = process.argv.includes('--verbose');
const say = (msg) => console.error(`gradproof native addon: ${msg}`);

function skip(reason) {
  // A build left from an earlier install must not outlive the decision not to use one.
  rmSync(addon, { force: true });
  say(`${reason}; using the pure-wasm kernels`);
  process.exit(0);
}

function hasOpenBlas() {
  const dirs = ['/usr/lib/x86_64-linux-gnu', '/usr/lib/aarch64-linux-gnu', '/usr/lib64', '/usr/lib', '/usr/local/lib', '/opt/homebrew/opt/openblas/lib'];
  if (dirs.some((d) => existsSync(path.join(d, 'libopenblas.so')) || existsSync(path.join(d, 'libopenblas.dylib')))) return true;
  const ldconfig = spawnSync('ldconfig', ['-p'], { encoding: 'utf8' });
  return ldconfig.status === 0 && /libopenblas\.so /.test(ldconfig.stdout);
}

function hasOneDnn() {
  if (process.env.GRADPROOF_ONEDNN === '0') return false;
  const headers = ['/usr/include', '/usr/local/include'].some((d) => existsSync(path.join(d, 'oneapi', 'dnnl', 'dnnl.h')));
  const libs = ['/usr/lib/x86_64-linux-gnu', '/usr/lib/aarch64-linux-gnu', '/usr/lib64', '/usr/lib', '/usr/local/lib'];
  return headers && libs.some((d) => existsSync(path.join(d, 'libdnnl.so')));
}

function nodeGyp() {
  if (process.env.npm_config_node_gyp && existsSync(process.env.npm_config_node_gyp)) return process.env.npm_config_node_gyp;
  const npmDir = path.resolve(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm');
  for (const base of [root, npmDir]) {
    try {
      return createRequire(path.join(base, 'package.json')).resolve('node-gyp/bin/node-gyp.js');
    } catch {
      // try the next place
    }
  }
  return undefined;
}

if (process.env.GRADPROOF_SKIP_NATIVE === '1') skip('skipped (GRADPROOF_SKIP_NATIVE=1)');
if (!hasOpenBlas()) skip('OpenBLAS not found (on Debian/Ubuntu: apt-get install libopenblas-dev, then npm run build:native)');
const gyp = nodeGyp();
if (gyp === undefined) skip('node-gyp not found');

const args = [gyp, 'rebuild', '--directory', nativeDir];
// Build against the running node's own headers when they are installed beside it (no download).
const prefix = path.resolve(path.dirname(process.execPath), '..');
if (!process.env.npm_config_nodedir && existsSync(path.join(prefix, 'include', 'node', 'common.gypi'))) args.push(`--nodedir=${prefix}`);

/** Builds (with or without oneDNN) and loads the result once in a child; the failure's reason, or the addon's info. */
function buildAndProbe(withOneDnn) {
  const build = spawnSync(process.execPath, [...args, `--with_dnnl=${withOneDnn ? 1 : 0}`], { encoding: 'utf8', timeout: 300_000 });
  const log = `${build.stdout ?? ''}${build.stderr ?? ''}`;
  writeFileSync(path.join(nativeDir, 'build.log'), log);
  if (verbose) process.stderr.write(log);
  if (build.status !== 0 || !existsSync(addon)) return { failed: `build failed (${build.error?.message ?? `exit ${build.status}`}; see accel/native/build.log)` };
  // Load it once in a child: a library that crashes the process must not crash gradproof later.
  const probe = spawnSync(process.execPath, ['-e', `console.log(JSON.stringify(require(${JSON.stringify(addon)}).info()))`], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (probe.status !== 0) return { failed: `built, but it does not load (${(probe.stderr || probe.error?.message || `exit ${probe.status}`).split('\n')[0]})` };
  return { info: JSON.parse(probe.stdout) };
}

let built = hasOneDnn() ? buildAndProbe(true) : undefined;
if (built?.failed) say(`with oneDNN: ${built.failed}; building with OpenBLAS alone`);
if (built === undefined || built.failed) built = buildAndProbe(false);
if (built.failed) skip(built.failed);
say(`built with ${built.info.config}`);
