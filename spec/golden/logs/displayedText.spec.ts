import { describe, expect, it } from 'vitest';
import { displayedText } from '../../../src/golden/logs/displayedText';

describe('displayedText', () => {
  it.each([
    ['a plain line as it is, trailing blanks trimmed', '  1/10 - loss: 1.0   ', '  1/10 - loss: 1.0'],
    ['the last \\r segment', '1/3 a\r2/3 b\r3/3 c', '3/3 c'],
    ['the last non-blank segment when the line ends in \\r', '1/3 a\r3/3 c\r  \r', '3/3 c'],
    ['backspaces dropped', '1/3 a\b\b\b\b\b\r3/3 c', '3/3 c'],
    ['ANSI colours dropped', '\x1b[1m3/3\x1b[0m \x1b[32m━━\x1b[0m\x1b[37m\x1b[0m \x1b[1m4s\x1b[0m', '3/3 ━━ 4s'],
    ['an unterminated escape at the end dropped', 'done\x1b[3', 'done'],
    ['tabs kept', 'a\tb', 'a\tb'],
    ['nothing from nothing', '\r\r', ''],
  ])('%s', (_, raw, shown) => {
    expect(displayedText(raw)).toBe(shown);
  });

  it('reads a million-update line in one pass (completes; no timing threshold)', () => {
    expect(displayedText(`${'\x1b[1m1/9\x1b[0m\b\b\r'.repeat(200_000)}9/9 done`)).toBe('9/9 done');
    expect(displayedText('\x1b['.repeat(500_000))).toBe('');
  });
});
