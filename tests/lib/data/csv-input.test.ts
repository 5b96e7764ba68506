import { describe, expect, it } from 'vitest';
import { checkColumns, detectSeparator, parseCsv, parseJsonTable, rowStartLines } from '../../../src/lib/data/csv';
import { formatIssue } from '../../../src/lib/data/problems';

const cellsOf = (text: string) => parseCsv('t.csv', text).table.rows.map((r) => r.cells);
const linesOf = (text: string) => parseCsv('t.csv', text).table.rows.map((r) => r.line);

describe('detectSeparator picks the separator from the header line', () => {
  it.each([
    ['id,name,short_name\n', ','],
    ['id;name;short_name\n', ';'],
    ['id\tname\tshort_name\n', '\t'],
    ['id;name\nx;"a, b, c, d, e, f"\n', ';'],
    ['id\tname\nx\t"a; b; c, d"\n', '\t'],
    ['id;name;;;\r\n', ';'],
    ['\n\n  \nid;name\n', ';'],
    ['"id";"name, or title"\n', ';'],
    ['id\nfoo,bar;baz\n', ','],
    ['', ','],
  ])('%j → %j', (text, expected) => {
    expect(detectSeparator(text)).toBe(expected);
  });
});

describe('parseCsv reads what spreadsheets write', () => {
  it('a one-column file stays one column, whatever its values hold', () => {
    const { table, issues } = parseCsv('t.csv', 'id\nII.1; II.2\n"a, b"\n');
    expect(issues).toEqual([]);
    expect(table.columns).toEqual(['id']);
    expect(table.rows.map((r) => r.cells)).toEqual([{ id: 'II.1; II.2' }, { id: 'a, b' }]);
  });

  it('a ";" file whose values are full of commas inside quotes', () => {
    expect(cellsOf('id;note\nx;"Một, hai, ba, bốn, năm"\ny;"sáu, bảy"\n')).toEqual([
      { id: 'x', note: 'Một, hai, ba, bốn, năm' },
      { id: 'y', note: 'sáu, bảy' },
    ]);
  });

  it('doubled quotes inside quoted values', () => {
    expect(cellsOf('id,note\nx,"Văn bản ""khẩn"", số 1"\n')).toEqual([{ id: 'x', note: 'Văn bản "khẩn", số 1' }]);
  });

  it("trailing empty columns (Excel's ;;;) and rows of bare separators", () => {
    const { table, issues } = parseCsv('t.csv', 'id;name;;;\r\nth;P.TH;;;\r\n;;;;\r\n\r\n');
    expect(issues).toEqual([]);
    expect(table.columns).toEqual(['id', 'name']);
    expect(table.rows.map((r) => r.cells)).toEqual([{ id: 'th', name: 'P.TH' }]);
  });

  it('header names in any case, with stray and non-breaking spaces', () => {
    expect(parseCsv('t.csv', ' ID ;\u00a0Short_Name\u00a0\nth;P.TH\n').table.columns).toEqual(['id', 'short_name']);
  });

  it('header names in NFD come out NFC', () => {
    expect(parseCsv('t.csv', 'id,Tên\n'.normalize('NFD')).table.columns).toEqual(['id', 'tên'.normalize('NFC')]);
  });

  it('a header row below blank lines is found, and its line is known', () => {
    const { table } = parseCsv('t.csv', '\n\nid,name\nth,P.TH\n');
    expect(table.headerLine).toBe(3);
    expect(table.rows[0]!.line).toBe(4);
  });
});

describe('rows are located by their 1-based line in the file', () => {
  it.each([
    ['LF', 'id,note\na,x\nb,y\n', [2, 3]],
    ['CRLF', 'id,note\r\na,x\r\nb,y\r\n', [2, 3]],
    ['old Mac CR', 'id,note\ra,x\rb,y\r', [2, 3]],
    ['LF inside a quoted cell', 'id,note\na,"x\ny\nz"\nb,y\n', [2, 5]],
    ['CRLF inside a quoted cell', 'id,note\r\na,"x\r\ny"\r\nb,y\r\n', [2, 4]],
    ['CRLF rows with LF inside cells (Excel)', 'id,note\r\na,"x\ny"\r\nb,y\r\n', [2, 4]],
    ['blank lines between rows', 'id,note\n\na,x\n\n\nb,y\n\n', [3, 6]],
    ['a last row with no line end', 'id,note\na,x\nb,y', [2, 3]],
  ])('%s', (_, text, lines) => {
    expect(linesOf(text)).toEqual(lines);
  });

  it('rowStartLines counts line breaks inside fields, CRLF as one', () => {
    expect(rowStartLines([['id'], ['a\r\nb'], ['c\rd\ne'], ['f']])).toEqual([1, 2, 4, 7]);
  });
});

describe('parseCsv refuses what is really wrong, with its line', () => {
  it('a row with more fields than the header', () => {
    const { issues } = parseCsv('t.csv', 'id,name\nth,Phòng Tổng hợp, Văn phòng\n');
    expect(issues.map(formatIssue)).toEqual([
      't.csv:2: row has 3 fields but the header has 2; extra value " Văn phòng" (a separator inside a value needs the value in double quotes)',
    ]);
  });

  it('a quote never closed, at the row where it opens', () => {
    const { issues } = parseCsv('t.csv', 'id,name\nth,P.TH\nkt,"Phòng\nKinh tế\n');
    expect(issues.map(formatIssue)).toEqual([
      't.csv:3: a value opened with a double quote (") is never closed; close it, or write a quote inside a value as ""',
    ]);
  });

  it('missing required columns are named, at the header line', () => {
    const { table } = parseCsv('t.csv', '\nid,title\n');
    expect(checkColumns(table, ['id', 'name'], []).map(formatIssue)).toEqual([
      't.csv:2: missing required column name',
      't.csv:2: warning: unknown column "title" is ignored (expected id, name)',
    ]);
  });
});

describe('parseJsonTable', () => {
  it('cleans keys like CSV headers and keeps __proto__ as plain data', () => {
    const { table } = parseJsonTable('t.json', '[{" ID ": "th", "Name": "P.TH", "__proto__": {"id": "x"}}]');
    expect(table.rows[0]!.cells.id).toBe('th');
    expect(Object.getPrototypeOf(table.rows[0]!.cells)).toBe(Object.prototype);
    expect(table.columns).toEqual(['id', 'name', '__proto__']);
  });

  it('refuses nesting far deeper than any data file needs, without overflowing the stack', () => {
    const deep = `[${'['.repeat(100_000)}${']'.repeat(100_000)}]`;
    expect(parseJsonTable('t.json', deep).issues.map(formatIssue)).toEqual([
      't.json: nests more than 32 levels deep; data files need three at most',
    ]);
  });
});
