import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { DataError } from '../errors/DataError.js';
import { UsageError } from '../errors/UsageError.js';
import type { Dataset } from './Dataset.js';
import { convertChannels } from './decode/convertChannels.js';
import { decodeImage } from './decode/decodeImage.js';
import { naturalCompare } from './decode/naturalCompare.js';

export interface ImageFolderOptions {
  /** Output channels: 1 (grayscale) or 3 (RGB). */
  readonly channels: 1 | 3;
  readonly height: number;
  readonly width: number;
  /** Class folder names in label order; default: the folders found, sorted naturally. */
  readonly classes?: readonly string[];
  /** Called now and then while decoding. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** Files read and decoded at once: enough to hide file-system latency, few enough for fd limits. */
const CONCURRENCY = 64;

/**
 * `loadImageFolder(root, split, options)`: loads `<root>/<split>/<class>/<file>` into a
 * Dataset (N×C×H×W uint8, label = index of the file's class folder).
 * - Classes: `options.classes` in that order (each folder must exist; others are ignored),
 *   else every class folder, sorted naturally ('2' < '10'). Files within a class are sorted
 *   naturally too, so the order never depends on the file system. Names starting with '.'
 *   are skipped.
 * - Each file's format is sniffed from its bytes (BMP, TIFF, PNG, JPEG); images are converted
 *   to `options.channels` (RGB → gray as PIL's 'L'; gray → RGB by replication) and must
 *   already be `height`×`width` (no resizing: a wrong size is an error, not a silent resample).
 * - `onProgress(done, total)` is called about every 1% and once at the end.
 * Throws DataError naming the path for a missing folder, no class folders, an empty class
 * folder, an unknown class in `options.classes`, a corrupt image or a wrong image size;
 * UsageError for bad options.
 */
export async function loadImageFolder(root: string, split: string, options: ImageFolderOptions): Promise<Dataset> {
  const { channels, height, width } = options;
  if (channels !== 1 && channels !== 3) {
    throw new UsageError(`loadImageFolder: channels must be 1 or 3, got ${String(channels)}`);
  }
  for (const [name, v] of [['height', height], ['width', width]] as const) {
    if (!Number.isSafeInteger(v) || v <= 0) throw new UsageError(`loadImageFolder: ${name} must be a positive integer, got ${v}`);
  }
  const splitDir = path.join(root, split);
  await requireDir(root, 'data folder');
  await requireDir(splitDir, `split folder '${split}'`);
  const classes = await chooseClasses(splitDir, options.classes);
  if (classes.length > 256) throw new UsageError(`loadImageFolder: at most 256 classes fit uint8 labels, got ${classes.length} in ${splitDir}`);

  const files: string[] = [];
  const labelList: number[] = [];
  for (const [label, name] of classes.entries()) {
    const dir = path.join(splitDir, name);
    const entries = (await readdir(dir, { withFileTypes: true }))
      .filter((e) => !e.name.startsWith('.') && (e.isFile() || e.isSymbolicLink()))
      .map((e) => e.name)
      .sort(naturalCompare);
    if (entries.length === 0) throw new DataError(dir, `loadImageFolder: class folder '${name}' has no files: ${dir}`);
    for (const f of entries) {
      files.push(path.join(dir, f));
      labelList.push(label);
    }
  }

  const count = files.length;
  const size = channels * height * width;
  const images = new Uint8Array(count * size);
  const step = Math.max(1, Math.floor(count / 100));
  let next = 0;
  let done = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (!failed && next < count) {
      const i = next++;
      const file = files[i]!;
      try {
        const bytes = await readFile(file);
        writeChw(decodeImage(bytes, file), options, images, i * size, file);
      } catch (err) {
        failed = true;
        if (err instanceof DataError) throw err;
        throw new DataError(file, `loadImageFolder: cannot read ${file} (${(err as Error).message})`, { cause: err });
      }
      done++;
      if (options.onProgress !== undefined && (done % step === 0 || done === count)) options.onProgress(done, count);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, count) }, worker));
  return { images, labels: Uint8Array.from(labelList), count, channels, height, width, classes, source: splitDir };
}

async function requireDir(dir: string, what: string): Promise<void> {
  const info = await stat(dir).catch(() => undefined);
  if (info === undefined) throw new DataError(dir, `loadImageFolder: ${what} not found: ${dir}`);
  if (!info.isDirectory()) throw new DataError(dir, `loadImageFolder: ${what} is not a folder: ${dir}`);
}

async function chooseClasses(splitDir: string, wanted: readonly string[] | undefined): Promise<readonly string[]> {
  const found = new Set<string>();
  for (const e of await readdir(splitDir, { withFileTypes: true })) {
    if (e.name.startsWith('.')) continue;
    if (e.isDirectory() || (e.isSymbolicLink() && (await stat(path.join(splitDir, e.name))).isDirectory())) found.add(e.name);
  }
  if (wanted === undefined) {
    if (found.size === 0) throw new DataError(splitDir, `loadImageFolder: no class folders in ${splitDir}`);
    return [...found].sort(naturalCompare);
  }
  if (wanted.length === 0) throw new UsageError(`loadImageFolder: classes must not be empty (split ${splitDir})`);
  const dup = wanted.find((c, i) => wanted.indexOf(c) !== i);
  if (dup !== undefined) throw new UsageError(`loadImageFolder: class '${dup}' listed twice`);
  const missing = wanted.find((c) => !found.has(c));
  if (missing !== undefined) {
    const dir = path.join(splitDir, missing);
    throw new DataError(dir, `loadImageFolder: unknown class '${missing}': no folder ${dir}`);
  }
  return [...wanted];
}

/** Writes one decoded image into `out` at `offset` as C×H×W in the requested channels. */
function writeChw(decoded: ReturnType<typeof decodeImage>, options: ImageFolderOptions, out: Uint8Array, offset: number, file: string): void {
  const { channels, height, width } = options;
  if (decoded.width !== width || decoded.height !== height) {
    throw new DataError(file, `loadImageFolder: image is ${decoded.width}x${decoded.height}, expected ${width}x${height}: ${file}`);
  }
  const hwc = convertChannels(decoded, channels).data;
  const plane = height * width;
  for (let c = 0; c < channels; c++) {
    const base = offset + c * plane;
    for (let p = 0; p < plane; p++) out[base + p] = hwc[p * channels + c]!;
  }
}
