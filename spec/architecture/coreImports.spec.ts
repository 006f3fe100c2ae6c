import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importsOf } from './importsOf';

// The seam of issue 18: the core names its fast operations (src/ops/) and owns their plain
// references; the accelerator (src/accel/) registers implementations from beside it, and the
// backend setup (src/backend/, initBackend) is the one place that installs it.
const ACCEL = 'src/accel';
const INSTALLER = 'src/backend';
/** The core: what trains, checks and records, whatever the backend or accelerator. */
const CORE = [
  'card',
  'data',
  'errors',
  'golden',
  'gradcheck',
  'gradflow',
  'matchers',
  'models',
  'ops',
  'plots',
  'random',
  'record',
  'regularizers',
  'report',
  'stats',
  'train',
];
/** Outside the core: the accelerator, the backend setup that installs it, and the applications on top. */
const NOT_CORE = ['accel', 'backend', 'bench', 'cli', 'experiments', 'explain', 'grade', 'reproduce', 'sandbox'];

const root = fileURLToPath(new URL('../..', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(path.join(root, dir)).flatMap((entry) => {
    const rel = `${dir}/${entry}`;
    if (statSync(path.join(root, rel)).isDirectory()) return sources(rel);
    return /\.(ts|mts)$/.test(entry) ? [rel] : [];
  });
}

const within = (target: string | undefined, dir: string): boolean => target === dir || (target?.startsWith(`${dir}/`) ?? false);

/** `file → specifier` for every import in `files` that reaches the accelerator and `allowed` does not permit. */
function accelImports(files: Record<string, string>, allowed: (file: string, target: string) => boolean): string[] {
  return Object.entries(files).flatMap(([file, text]) =>
    importsOf(file, text)
      .filter(({ target }) => within(target, ACCEL) && !allowed(file, target!))
      .map(({ specifier }) => `${file} imports ${specifier}`),
  );
}

const coreOnly = (): boolean => false;
// Outside the core, only the installer reaches the accelerator, and only through its index.
const installerThroughIndex = (file: string, target: string): boolean => within(file, INSTALLER) && target === `${ACCEL}/index`;

function read(files: string[]): Record<string, string> {
  return Object.fromEntries(files.map((f) => [f, readFileSync(path.join(root, f), 'utf8')]));
}

describe('the core and the accelerator', () => {
  it('classifies every folder of src/ as core or not, so a new folder must be placed', () => {
    const folders = readdirSync(path.join(root, 'src')).filter((e) => statSync(path.join(root, 'src', e)).isDirectory());
    expect(folders.filter((f) => !CORE.includes(f) && !NOT_CORE.includes(f))).toEqual([]);
    expect([...CORE, ...NOT_CORE].filter((f) => !folders.includes(f))).toEqual([]);
  });

  it('no core file imports the accelerator', () => {
    const files = read(CORE.flatMap((dir) => sources(`src/${dir}`)));
    expect(Object.keys(files).length).toBeGreaterThan(100);
    expect(accelImports(files, coreOnly)).toEqual([]);
  });

  it('outside the accelerator, only the backend setup imports it, through its index', () => {
    const files = read(sources('src').filter((f) => !within(f, ACCEL)));
    expect(accelImports(files, installerThroughIndex)).toEqual([]);
    expect(accelImports(files, coreOnly).length).toBeGreaterThan(0);
  });
});

describe('the import check', () => {
  const planted = {
    'src/train/Adam.ts': "import * as tf from '@tensorflow/tfjs';\nimport { accelState } from '../accel/accelState.js';\n",
    'src/models/batchNorm.ts': "import type {\n  NativeAddon,\n} from '../accel/native/NativeAddon.js';\n",
    'src/data/batchTensors.ts': "export { registerAccelerator } from '../accel/index.js';\n",
    'src/record/late.ts': "export async function late() { return import('../accel/index.js'); }\n",
    'src/ops/sumSquares.ts': "// see ../accel/kernels/sumSquaresKernel.js\nconst where = '../accel/index.js';\nimport { x } from './accelerated.js';\n",
    'src/backend/initBackend.ts': "import { registerAccelerator } from '../accel/index.js';\nimport { accelState } from '../accel/accelState.js';\n",
  };

  it('fails naming the file and the import, for imports, type imports, re-exports and dynamic imports', () => {
    expect(accelImports(planted, coreOnly)).toEqual([
      'src/train/Adam.ts imports ../accel/accelState.js',
      'src/models/batchNorm.ts imports ../accel/native/NativeAddon.js',
      'src/data/batchTensors.ts imports ../accel/index.js',
      'src/record/late.ts imports ../accel/index.js',
      'src/backend/initBackend.ts imports ../accel/index.js',
      'src/backend/initBackend.ts imports ../accel/accelState.js',
    ]);
  });

  it("lets the installer through the accelerator's index only", () => {
    expect(accelImports(planted, installerThroughIndex)).toEqual([
      'src/train/Adam.ts imports ../accel/accelState.js',
      'src/models/batchNorm.ts imports ../accel/native/NativeAddon.js',
      'src/data/batchTensors.ts imports ../accel/index.js',
      'src/record/late.ts imports ../accel/index.js',
      'src/backend/initBackend.ts imports ../accel/accelState.js',
    ]);
  });
});
