import { describe, expect, it } from 'vitest';
import { meaningfulLines } from '../../src/reproduce/meaningfulLines';

describe('meaningfulLines', () => {
  it("keeps a clean failure's one line and drops the run's progress around it", () => {
    const stderr = [
      'gradproof run gurmukhi/dropout: seed 0, data /x/data',
      'loading gurmukhi: 178/178 images',
      'gurmukhi/dropout epoch 1/10 batch 3/32 loss 2.3000 eta 4s',
      'locateDataset: gurmukhi not found in /x/data (that folder does not exist): looked for gurmukhi/; copy it …',
      '',
    ].join('\n');
    expect(meaningfulLines(stderr)).toEqual([
      'locateDataset: gurmukhi not found in /x/data (that folder does not exist): looked for gurmukhi/; copy it …',
    ]);
  });

  it("keeps a crash's error line, not its stack or Node's footer", () => {
    const stderr = [
      'file:///app/src/train/x.js:12',
      '    throw new RangeError("bad shape");',
      '    ^',
      '',
      'RangeError: bad shape [3, 4]',
      '    at step (file:///app/src/train/x.js:12:11)',
      '    at async main (file:///app/src/cli/main.js:40:5)',
      '',
      'Node.js v20.20.2',
    ].join('\n');
    expect(meaningfulLines(stderr)).toEqual(['RangeError: bad shape [3, 4]']);
  });

  it('takes at most `max` lines from the last error head on, and the last lines when none looks like one', () => {
    expect(meaningfulLines('gradproof run: a\nmore detail\nand more\nand still more\n', 2)).toEqual(['and more', 'and still more']);
    expect(meaningfulLines('one\ntwo\nthree\nfour', 3)).toEqual(['two', 'three', 'four']);
    expect(meaningfulLines('')).toEqual([]);
  });
});
