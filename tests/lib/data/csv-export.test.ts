import { describe, expect, it } from 'vitest';
import { csvCell, writeCsv } from '../../../src/lib/data/csv';

// A spreadsheet runs a cell starting with = + - @ tab or CR as a formula; exports must never let data do that.
describe('csvCell neutralises formulas and keeps numbers as written', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['+84 912', "'+84 912"],
    ['-5+A1', "'-5+A1"],
    ['- Nội dung', "'- Nội dung"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', `"'\r=1"`],
    ['-5', '-5'],
    ['-0.5', '-0.5'],
    ['12', '12'],
    ['Phòng, ban', '"Phòng, ban"'],
    ['a;b', '"a;b"'],
    ['Văn bản "khẩn"', '"Văn bản ""khẩn"""'],
    ['', ''],
  ])('%j → %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it.each([
    [-5, '-5'],
    [0, '0'],
    [100, '100'],
    [null, ''],
    [undefined, ''],
  ])('the number or empty value %j → %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('writeCsv adds a BOM and CRLF line ends for Excel', () => {
    expect(writeCsv(['a', 'b'], [['=x', -5]])).toBe("\ufeffa,b\r\n'=x,-5\r\n");
  });
});
