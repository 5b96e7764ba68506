import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvCell, writeCsv } from '../../../src/lib/data/csv-write';

describe('the CSV writer (task index download, plan exports)', () => {
  it.each<[string | number | null | undefined, string]>([
    ['Phòng Hành chính - Quản trị', 'Phòng Hành chính - Quản trị'],
    ['P.HCQT, TT PV-KSTTHC', '"P.HCQT, TT PV-KSTTHC"'],
    ['Quyết định "41"', '"Quyết định ""41"""'],
    ['dòng 1\ndòng 2', '"dòng 1\ndòng 2"'],
    ['a;b', '"a;b"'],
    ['=HYPERLINK("http://x")', '"\'=HYPERLINK(""http://x"")"'],
    ['+84 912', "'+84 912"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['-1+2', "'-1+2"],
    ['-12.5', '-12.5'],
    [85, '85'],
    ['85%', '85%'],
    ['', ''],
    [null, ''],
    [undefined, ''],
  ])('writes %j as %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('starts with a UTF-8 BOM and ends every line with CRLF, for Excel', () => {
    const text = writeCsv(
      ['Số', 'Nhiệm vụ'],
      [
        ['II.1.a', 'Giáo dục chính trị'],
        ['II.3.b', 'Hướng dẫn'],
      ],
    );
    expect(text).toBe('\ufeffSố,Nhiệm vụ\r\nII.1.a,Giáo dục chính trị\r\nII.3.b,Hướng dẫn\r\n');
    expect([...new TextEncoder().encode(text).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('reads back as the same cells (formula-like cells aside)', () => {
    const cell = fc
      .string({ unit: fc.constantFrom(...'aăđĐ ,;"\n\r\tx1'.split('')) })
      .filter((s) => !/^[=+\-@\t\r]/.test(s));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { maxLength: 5 }), (rows) => {
        const text = writeCsv(['a', 'b'], rows);
        const parsed = Papa.parse<string[]>(text.slice(1), { delimiter: ',', newline: '\r\n', skipEmptyLines: false });
        expect(parsed.data.slice(0, -1)).toEqual([['a', 'b'], ...rows]);
      }),
    );
  });
});
