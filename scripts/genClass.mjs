#!/usr/bin/env node
// Writes a generated class for `gradproof grade --submissions`: N submissions of the regulariser
// interface (src/grade/code/RegularizerApi.ts) — correct ones in several styles, buggy ones
// (random mixes of plausible mistakes), hostile ones and mixed ones — seeded, so the same
// arguments write the same bytes. Plain Node, no dependencies.
//
//   node scripts/genClass.mjs --out /tmp/class200 [--count 200] [--seed 1]
//
// Each student is a file (s001.mjs, .cjs or .ts) or a folder (submission.mjs and an epoch log).
// What each one is lies in <out>.manifest.json beside the folder (never inside it: the class
// folder holds students only).
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { out: { type: 'string' }, count: { type: 'string', default: '200' }, seed: { type: 'string', default: '1' } },
});
const count = Number(values.count);
const seed = Number(values.seed);
if (!values.out || !Number.isSafeInteger(count) || count < 1 || !Number.isSafeInteger(seed)) {
  console.error(`genClass: usage: node scripts/genClass.mjs --out DIR [--count N] [--seed S], got ${JSON.stringify(values)}`);
  process.exit(2);
}
if (existsSync(values.out) && readdirSync(values.out).length > 0) {
  console.error(`genClass: ${values.out} is not empty; give a new folder`);
  process.exit(2);
}

// mulberry32: a small seeded generator (Math.random cannot be seeded).
let state = seed >>> 0;
const random = () => {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (list) => list[Math.floor(random() * list.length)];
const pickKey = (obj) => pick(Object.keys(obj));
const shuffled = (list) => {
  const a = [...list];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
};

const CORRECT = {
  l1: [
    '(params, rate) => rate * params.flat().reduce((s, v) => s + Math.abs(v), 0)',
    'function (params, rate) { let s = 0; for (const row of params) for (const v of row) s += Math.abs(v); return rate * s; }',
  ],
  l1Grad: [
    '(params, rate) => params.map((row) => row.map((v) => rate * Math.sign(v)))',
    'function (params, rate) { return params.map((row) => row.map((v) => (v > 0 ? rate : v < 0 ? -rate : 0))); }',
  ],
  l2: [
    '(params, rate) => rate * params.flat().reduce((s, v) => s + v * v, 0)',
    'function (params, rate) { let s = 0; for (const row of params) for (let i = 0; i < row.length; i++) s += row[i] ** 2; return rate * s; }',
  ],
  l2Grad: [
    '(params, rate) => params.map((row) => row.map((v) => 2 * rate * v))',
    'function (params, rate) { return params.map((row) => Array.from(row, (v) => rate * (v + v))); }',
  ],
  dropout: [
    '(x, rate, uniforms) => x.map((v, i) => (uniforms[i] < rate ? 0 : v / (1 - rate)))',
    'function (x, rate, u) { const keep = 1 - rate; return x.map((v, i) => (u[i] >= rate ? v / keep : 0)); }',
  ],
};
const BUGS = {
  l1: {
    'sign flip': '(params, rate) => -rate * params.flat().reduce((s, v) => s + Math.abs(v), 0)',
    'no absolute value': '(params, rate) => rate * params.flat().reduce((s, v) => s + v, 0)',
    'off-by-one (skips the last element of each row)':
      'function (params, rate) { let s = 0; for (const row of params) for (let i = 0; i < row.length - 1; i++) s += Math.abs(row[i]); return rate * s; }',
    'extra ½': '(params, rate) => 0.5 * rate * params.flat().reduce((s, v) => s + Math.abs(v), 0)',
  },
  l1Grad: {
    'sign flip': '(params, rate) => params.map((row) => row.map((v) => -rate * Math.sign(v)))',
    'sign of zero is +1': '(params, rate) => params.map((row) => row.map((v) => (v >= 0 ? rate : -rate)))',
    'forgets the rate': '(params) => params.map((row) => row.map((v) => Math.sign(v)))',
  },
  l2: {
    'extra ½': '(params, rate) => 0.5 * rate * params.flat().reduce((s, v) => s + v * v, 0)',
    'norm, not its square': '(params, rate) => rate * Math.sqrt(params.flat().reduce((s, v) => s + v * v, 0))',
    'off-by-one (skips the first row)': '(params, rate) => rate * params.slice(1).flat().reduce((s, v) => s + v * v, 0)',
  },
  l2Grad: {
    'missing factor 2 (the ½ convention)': '(params, rate) => params.map((row) => row.map((v) => rate * v))',
    'extra ½': '(params, rate) => params.map((row) => row.map((v) => 0.5 * rate * v))',
    'sign flip': '(params, rate) => params.map((row) => row.map((v) => -2 * rate * v))',
  },
  dropout: {
    'wrong mask comparison (drops when the draw is above the rate)':
      '(x, rate, uniforms) => x.map((v, i) => (uniforms[i] > rate ? 0 : v / (1 - rate)))',
    'no rescaling': '(x, rate, uniforms) => x.map((v, i) => (uniforms[i] < rate ? 0 : v))',
    'rescales by the rate': '(x, rate, uniforms) => x.map((v, i) => (uniforms[i] < rate ? 0 : v / rate))',
    'off-by-one draw': '(x, rate, uniforms) => x.map((v, i) => ((uniforms[i + 1] ?? 1) < rate ? 0 : v / (1 - rate)))',
    'mask compared with <=': '(x, rate, uniforms) => x.map((v, i) => (uniforms[i] <= rate ? 0 : v / (1 - rate)))',
  },
};
const HOSTILE_FUNCTIONS = {
  'infinite loop': 'function () { for (;;) {} }',
  'memory bomb': 'function () { const hoard = []; for (;;) hoard.push(new Array(1e6).fill(Math.PI)); }',
  'process.exit in a call': '() => process.exit(3)',
  throws: '() => { throw new Error("not today"); }',
  'never resolves': '() => new Promise(() => {})',
  'returns NaN': '() => NaN',
  'constant zeros': '(a) => (Array.isArray(a) ? a.map((r) => (Array.isArray(r) ? r.map(() => 0) : 0)) : 0)',
};
const HOSTILE_MODULES = {
  'throws at import': 'throw new Error("broken at import");\n',
  'syntax error': 'export const l1 = (params, rate) => {{ rate * ;\n',
  'infinite loop at import': 'for (;;) {}\n',
  'process.exit at import': 'process.exit(0);\n',
  'memory bomb at import': 'const hoard = []; for (;;) hoard.push(new Array(1e6).fill(1));\n',
  'exports nothing': '// handed in the wrong file\nexport const hello = "world";\n',
};
const NAMES = Object.keys(CORRECT);

/** The module's text in the given format, from one expression per function. */
function moduleText(format, fns, prelude = '') {
  if (format === 'cjs') return `${prelude}module.exports = {\n${NAMES.map((n) => `  ${n}: ${fns[n]},`).join('\n')}\n};\n`;
  const typed =
    format === 'ts'
      ? 'type Rows = number[][];\nconst scale = (r: Rows, k: number): Rows => r.map((row) => row.map((v) => v * k));\nvoid scale;\n'
      : '';
  return `${prelude}${typed}${NAMES.map((n) => `export const ${n} = ${fns[n]};`).join('\n')}\n`;
}

/** An epoch log in the report's format, with plausible numbers (not the report's). */
function epochLog() {
  const lines = ['Training with Dropout regularization'];
  for (let e = 1; e <= 10; e++) {
    const loss = (0.5 / e + random() * 0.05).toFixed(4);
    const train = (90 + e * 0.9 + random()).toFixed(2);
    const test = (88 + e * 0.8 + random() * 2).toFixed(2);
    lines.push(
      `Epoch [${e}/10] - Loss: ${loss}, Train Acc: ${Math.min(100, train)}%, Test Acc: ${Math.min(100, test)}%, Grad Norm: ${(0.5 + random()).toFixed(4)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

mkdirSync(values.out, { recursive: true });
const students = [];
const tally = {};
for (let i = 1; i <= count; i++) {
  const id = `s${String(i).padStart(String(count).length, '0')}`;
  const r = random();
  const kind = r < 0.3 ? 'correct' : r < 0.7 ? 'buggy' : r < 0.85 ? 'hostile' : 'mixed';
  tally[kind] = (tally[kind] ?? 0) + 1;
  const fns = Object.fromEntries(NAMES.map((n) => [n, pick(CORRECT[n])]));
  const details = [];
  let prelude = '';
  const order = shuffled(NAMES);
  if (kind === 'buggy' || kind === 'mixed') {
    const howMany = kind === 'mixed' ? 1 : 1 + Math.floor(random() * 3);
    for (const n of order.slice(0, howMany)) {
      const bug = pickKey(BUGS[n]);
      fns[n] = BUGS[n][bug];
      details.push(`${n}: ${bug}`);
    }
  }
  if (kind === 'mixed' || (kind === 'hostile' && random() < 0.5)) {
    const n = order[NAMES.length - 1]; // never the function given a bug
    const how = pickKey(HOSTILE_FUNCTIONS);
    if (kind === 'hostile') for (const m of NAMES) fns[m] = HOSTILE_FUNCTIONS[how];
    else fns[n] = HOSTILE_FUNCTIONS[how];
    details.push(kind === 'hostile' ? `every function: ${how}` : `${n}: ${how}`);
  } else if (kind === 'hostile') {
    const how = pickKey(HOSTILE_MODULES);
    prelude = HOSTILE_MODULES[how];
    details.push(how);
  }
  const f = random();
  const format = f < 0.7 ? 'mjs' : f < 0.8 ? 'cjs' : f < 0.85 ? 'ts' : 'folder';
  // A module that exports nothing holds none of the functions; other module-level hostiles stop it from loading.
  const text = details.includes('exports nothing') ? prelude : moduleText(format === 'folder' ? 'mjs' : format, fns, prelude);
  let file;
  if (format === 'folder') {
    mkdirSync(path.join(values.out, id));
    writeFileSync(path.join(values.out, id, 'submission.mjs'), text);
    writeFileSync(path.join(values.out, id, 'training.log'), epochLog());
    file = `${id}/`;
  } else {
    file = `${id}.${format}`;
    writeFileSync(path.join(values.out, file), text);
  }
  students.push({ id, file, kind, details });
}
const manifest = `${values.out.replace(/\/+$/, '')}.manifest.json`;
writeFileSync(manifest, `${JSON.stringify({ seed, count, students }, null, 2)}\n`);
console.log(
  `genClass: wrote ${count} submissions to ${values.out} (${Object.entries(tally)
    .map(([k, v]) => `${v} ${k}`)
    .join(', ')}); what each is: ${manifest}`,
);
