/**
 * A plan's workbook export as staff open it: LibreOffice (Debian's libreoffice-calc, headless) opens
 * dist/exports/<plan>.xlsx and saves it as CSV; every cell must be the CSV export's, with the dates read as dates
 * (shown DD/MM/YYYY, not quoted as text) and the percent as numbers.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildForTest } from '../support/build-once';
import { convertWithLibreOffice, hasLibreOffice, readConverted } from '../support/libreoffice';

const PLAN = '2024-khac-phuc';
// LibreOffice's CSV filter: comma, double quotes, UTF-8 (76), from the first line; text cells come out quoted.
const TO_CSV = 'csv:Text - txt - csv (StarCalc):44,34,76,1';

const rowsOf = (text: string) => Papa.parse<string[]>(text.replace(/^\ufeff/, ''), { skipEmptyLines: true }).data;
const isoToVi = (iso: string) => iso.replace(/^(\d{4})-(\d{2})-(\d{2})$/, '$3/$2/$1');

describe('the plan workbook (exports/<plan>.xlsx) opened in LibreOffice', () => {
  let dist: string;
  let work: string;
  let fromWorkbook: string;

  beforeAll(async () => {
    if (!hasLibreOffice())
      throw new Error('LibreOffice is needed for this test: apt-get install -y libreoffice-calc (see .ci/run)');
    dist = await buildForTest();
    work = mkdtempSync(join(tmpdir(), 'xlsx-read-'));
    fromWorkbook = readConverted(convertWithLibreOffice(join(dist, 'exports', `${PLAN}.xlsx`), TO_CSV, work));
  });
  afterAll(() => {
    if (dist) rmSync(join(dist, '..'), { recursive: true, force: true });
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('holds every cell of the CSV export, the Vietnamese intact and the dates as DD/MM/YYYY', () => {
    const csv = rowsOf(readFileSync(join(dist, 'exports', `${PLAN}.csv`), 'utf8'));
    const header = csv[0]!;
    const dates = ['due', 'last_report'].map((name) => header.indexOf(name));
    expect(dates).not.toContain(-1);
    const expected = csv.map((row, i) => (i === 0 ? row : row.map((v, c) => (dates.includes(c) ? isoToVi(v) : v))));
    expect(rowsOf(fromWorkbook)).toEqual(expected);
    expect(fromWorkbook).toContain('Giáo dục chính trị tư tưởng');
  });

  it('has the dates and the percent as values, not text (LibreOffice quotes only text cells)', () => {
    const [header, first] = fromWorkbook.split('\n');
    const names = rowsOf(header!)[0]!;
    const raw = first!.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((cell) => cell.replace(/,$/, ''));
    for (const name of ['due', 'last_report', 'percent']) {
      const cell = raw[names.indexOf(name)]!;
      expect(cell, name).not.toMatch(/^"/);
      expect(cell, name).toMatch(name === 'percent' ? /^\d+$/ : /^\d{2}\/\d{2}\/\d{4}$/);
    }
  });
});
