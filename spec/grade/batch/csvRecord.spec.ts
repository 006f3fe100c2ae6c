import { describe, expect, it } from 'vitest';
import { csvRecord } from '../../../src/grade/batch/csvRecord';
import { parseCsv } from './classFixture';

describe('csvRecord (RFC 4180)', () => {
  it('leaves plain cells bare, ends the record with CRLF, writes numbers as numbers and undefined as empty', () => {
    expect(csvRecord(['alice', 48.5, undefined, 0, 'ok'])).toBe('alice,48.5,,0,ok\r\n');
  });

  it('quotes cells holding a comma, a double quote, CR or LF, doubling the quotes', () => {
    expect(csvRecord(['a,b', 'say "hi"', 'two\nlines', 'cr\rhere'])).toBe('"a,b","say ""hi""","two\nlines","cr\rhere"\r\n');
  });

  it.each([
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['+1+cmd', "'+1+cmd"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tindent', "'\tindent"],
    ['\r=1', `"'\r=1"`],
  ])('guards the formula %j as text', (cell, written) => {
    expect(csvRecord([cell])).toBe(`${written}\r\n`);
  });

  it('does not guard numbers or cells with a formula character later on', () => {
    expect(csvRecord([-1, 'a=b', 'x-y', 'me@uni'])).toBe('-1,a=b,x-y,me@uni\r\n');
  });

  it('round-trips through an independent parser (text cells: the guard prefix is the only change)', () => {
    const cells = ['', ' ', '"', '""', ',', 'a\r\nb', 'é,"\n', "'", 'plain', '=1'];
    expect(parseCsv(csvRecord(cells))).toEqual([[...cells.slice(0, 9), "'=1"]]);
  });
});
