import { describe, expect, it } from 'vitest';
import { csvCell, parseCsv, rowStartLines, writeCsv } from '../../../src/lib/data/csv';

describe('rowStartLines', () => {
  it.each([
    ['one line a row', [['a'], ['b'], ['c']], [1, 2, 3]],
    ['a line break inside a quoted field', [['id'], ['x\ny', 'z'], ['w']], [1, 2, 4]],
    ['CRLF inside a quoted field counts once', [['id'], ['x\r\ny\r\nz'], ['w']], [1, 2, 5]],
    ['blank rows still take a line', [['id'], [''], ['w']], [1, 2, 3]],
  ])('%s', (_case, rows, lines) => expect(rowStartLines(rows)).toEqual(lines));
});

describe('parseCsv', () => {
  it('gives each row its 1-based file line, header being line 1', () => {
    const { table, issues } = parseCsv('t.csv', 'id,note\n\na,"two\nlines"\nb,x\n\n');
    expect(issues).toEqual([]);
    expect(table.rows.map((r) => [r.cells.id, r.line])).toEqual([
      ['a', 3],
      ['b', 5],
    ]);
  });

  it('reads header names in any case and ignores trailing empty columns', () => {
    const { table, issues } = parseCsv('t.csv', 'ID;Name;;\r\nhcqt;Phòng HCQT;;\r\n');
    expect(issues).toEqual([]);
    expect(table.columns).toEqual(['id', 'name']);
    expect(table.rows[0]?.cells).toEqual({ id: 'hcqt', name: 'Phòng HCQT' });
  });
});

describe('CSV output', () => {
  it.each([
    ['=SUM(A1)', "'=SUM(A1)"],
    ['+84 255', "'+84 255"],
    ['@cmd', "'@cmd"],
    ['-5+A1', "'-5+A1"],
    ['\tx', "'\tx"],
    ['-5', '-5'],
    ['-12.5', '-12.5'],
    [42, '42'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    [null, ''],
  ])('writes %j as %j', (value, cell) => expect(csvCell(value)).toBe(cell));

  it('starts with a BOM and ends rows with CRLF', () => {
    expect(writeCsv(['a', 'b'], [[1, 'x']])).toBe('\ufeffa,b\r\n1,x\r\n');
  });
});
