import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { describe, it } from 'vitest';
import { parseCifarRecords } from '../../src/data/cifar/parseCifarRecords';
import { decodeImage } from '../../src/data/decode/decodeImage';
import { buildBmp, buildTiff, packRows } from '../data/decode/buildImages';
import { applyEdits, edits, FUZZ, onlyNamedErrors, onlyNamedErrorsAsync } from './fuzzSupport';
import { readRunRecord } from '../../src/record/runRecordIO';
import { fakeRecord } from '../support/fakeRecord';
import { validateGolden } from '../../src/golden/loadGoldenDir';
import { validateRubric, DEFAULT_RUBRIC } from '../../src/grade/loadRubric';
import { GOLDENS } from '../grade/gradeFixtures';
import { readFileSync } from 'node:fs';

// Small valid images of every format the loaders read, for the edits to start from.
const ROWS = [[0, 1, 1, 0, 1, 0, 0, 1, 1], [1, 0, 0, 1, 0, 1, 1, 0, 0], [0, 0, 1, 1, 1, 1, 0, 0, 1]];
const png = new PNG({ width: 3, height: 2 });
png.data.fill(200);
const VALID: Record<string, Uint8Array> = {
  bmp1: buildBmp({ width: 9, height: 3, bitCount: 1, palette: [[255, 255, 255], [0, 0, 0]], pixel: (x, y) => ROWS[y]![x]! }),
  bmp24: buildBmp({ width: 3, height: 2, bitCount: 24, pixel: (x, y) => [x * 40, y * 90, 7] }),
  tiff: buildTiff({ width: 9, height: 3, photometric: 0, strips: [packRows(ROWS)] }),
  tiffGray: buildTiff({ width: 2, height: 2, photometric: 1, bitsPerSample: 8, strips: [Uint8Array.from([1, 2, 3, 4])], littleEndian: false }),
  png: new Uint8Array(PNG.sync.write(png)),
  jpeg: new Uint8Array(jpeg.encode({ width: 4, height: 4, data: Buffer.alloc(64, 128) }, 90).data),
};

describe('image decoding (fuzz)', () => {
  it('random bytes: an image or a DataError', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 512 }), (b) => onlyNamedErrors(() => decodeImage(b, 'fuzz.bin'), 'decodeImage')), FUZZ);
  });

  it('random bytes behind each format’s magic: an image or a DataError', () => {
    const magics = [[0x42, 0x4d], [0x49, 0x49, 42, 0], [0x4d, 0x4d, 0, 42], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], [0xff, 0xd8, 0xff]];
    fc.assert(
      fc.property(fc.constantFrom(...magics), fc.uint8Array({ maxLength: 300 }), (m, rest) =>
        onlyNamedErrors(() => decodeImage(Uint8Array.from([...m, ...rest]), 'fuzz.bin'), 'decodeImage')),
      FUZZ,
    );
  });

  it('random edits of valid BMP, TIFF, PNG and JPEG files: an image or a DataError', () => {
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(VALID)), edits, (kind, list) =>
        onlyNamedErrors(() => decodeImage(applyEdits(VALID[kind]!, list), `fuzz.${kind}`), `decodeImage(${kind})`)),
      FUZZ,
    );
  });
});

describe('CIFAR binary records (fuzz)', () => {
  it('any bytes, any offset: records copied or a DataError', () => {
    const images = new Uint8Array(3 * 3072);
    const labels = new Uint8Array(3);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3 * 3073 + 5 }), fc.integer({ min: 0, max: 4 }), (b, at) =>
        onlyNamedErrors(() => parseCifarRecords(b, 'fuzz.bin', images, labels, at), 'parseCifarRecords')),
      { ...FUZZ, numRuns: 150 },
    );
  });
});

describe('JSON loaders (fuzz)', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gradproof-fuzz-'));
  const record = new TextEncoder().encode(JSON.stringify(fakeRecord('gurmukhi/dropout', 0, [{ testAcc: 0.5 }, { testAcc: 0.6 }]), null, 1));

  it('run records: random edits of a valid file read as a record or a DataError/SchemaError', async () => {
    await fc.assert(
      fc.asyncProperty(edits, async (list) => {
        const f = path.join(dir, 'r.json');
        writeFileSync(f, applyEdits(record, list));
        await onlyNamedErrorsAsync(() => readRunRecord(f), 'readRunRecord');
      }),
      { ...FUZZ, numRuns: 200 },
    );
  });

  it('golden files and rubrics: any JSON value, and valid ones with a value replaced, give a SchemaError or pass', () => {
    const golden = GOLDENS.find((g) => g.experiment === 'gurmukhi/dropout')!;
    const rubric = JSON.parse(readFileSync(DEFAULT_RUBRIC, 'utf8')) as unknown;
    const replaceAt = (doc: unknown, pick: number, value: unknown): unknown => {
      const copy = JSON.parse(JSON.stringify(doc)) as unknown;
      const slots: [Record<string, unknown>, string][] = [];
      const walk = (v: unknown) => {
        if (v && typeof v === 'object') for (const k of Object.keys(v)) (slots.push([v as Record<string, unknown>, k]), walk((v as Record<string, unknown>)[k]));
      };
      walk(copy);
      const [obj, key] = slots[pick % slots.length]!;
      obj[key] = value;
      return copy;
    };
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), fc.nat(), fc.jsonValue({ maxDepth: 2 }), (any, pick, value) => {
        onlyNamedErrors(() => validateGolden(any, 'g.json'), 'validateGolden');
        onlyNamedErrors(() => validateRubric(any, GOLDENS, 'r.json'), 'validateRubric');
        onlyNamedErrors(() => validateGolden(replaceAt(golden, pick, value), 'g.json'), 'validateGolden');
        onlyNamedErrors(() => validateRubric(replaceAt(rubric, pick, value), GOLDENS, 'r.json'), 'validateRubric');
      }),
      FUZZ,
    );
  });
});
