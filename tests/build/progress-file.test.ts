import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeBytes } from '../../src/lib/data/decode';
import type { NewReport } from '../../src/lib/forms/check';
import { sheetTable } from '../../src/lib/data/workbook/table';
import { addToProgress } from '../../src/node/forms/progress-file';
import { readWorkbookSync } from '../../src/node/data/workbook/read-workbook';
import { encodeText } from '../support/encodings';
import { csvAsWorkbook } from '../support/workbooks';

// Collected reports go into the plan's progress file whatever form it is kept in, leaving the rest of it as it was.
const HEADER = 'task_id,as_of,status,percent,completed_on,note,reported_by';
const OLD = `${HEADER}\r\nII.1.a,2024-11-29,in_progress,85,,"Đang tổng hợp",hcqt\r\n`;
const reports: NewReport[] = [
  {
    planId: 'p',
    taskId: 'II.2.d',
    asOf: '2024-12-31',
    status: 'done',
    percent: 100,
    completedOn: '2024-12-20',
    note: 'Đã phục vụ kỳ họp',
    reportedBy: 'hcqt',
    row: 18,
  },
];

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));
const planDir = (files: Record<string, Uint8Array | string>) => {
  dir = mkdtempSync(join(tmpdir(), 'progress-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
};

describe('adding collected reports to a progress file', () => {
  it.each([
    ['UTF-8', 'utf-8'],
    ['UTF-8 with a BOM', 'utf-8-bom'],
    ['UTF-16 LE with a BOM', 'utf-16le'],
    ['UTF-16 BE with a BOM', 'utf-16be'],
  ] as const)(
    'a CSV file in %s keeps its bytes and encoding, with the new line at the end',
    async (_name, encoding) => {
      const old = encodeText(OLD, encoding)!;
      const change = await addToProgress(planDir({ 'progress.csv': old }), reports);
      if (!change.ok) throw new Error(change.message);
      expect(change.bytes.subarray(0, old.length)).toEqual(old);
      const decoded = decodeBytes(change.bytes);
      expect(decoded.ok && decoded.text).toBe(`${OLD}II.2.d,2024-12-31,done,100,2024-12-20,Đã phục vụ kỳ họp,hcqt\r\n`);
    },
  );

  it('a Windows-1258 CSV file is refused: it must be saved as CSV UTF-8 first', async () => {
    const change = await addToProgress(planDir({ 'progress.csv': encodeText(OLD, 'windows-1258')! }), reports);
    expect(change).toMatchObject({ ok: false, message: expect.stringContaining('save it as "CSV UTF-8" first') });
  });

  it('a plan without a progress file gets a new progress.csv', async () => {
    const change = await addToProgress(planDir({}), reports);
    expect(change).toMatchObject({ ok: true, created: true, file: join(dir, 'progress.csv') });
    expect(change.ok && new TextDecoder().decode(change.bytes)).toBe(
      `${HEADER}\nII.2.d,2024-12-31,done,100,2024-12-20,Đã phục vụ kỳ họp,hcqt\n`,
    );
  });

  it('a workbook gets a row in its progress sheet, dates as dates', async () => {
    const change = await addToProgress(planDir({ 'progress.xlsx': await csvAsWorkbook(OLD, 'progress') }), reports);
    if (!change.ok) throw new Error(change.message);
    const read = readWorkbookSync(change.bytes, 'progress');
    if (!read.ok) throw new Error(read.message);
    const { table } = sheetTable('progress.xlsx', read.sheet);
    expect(table.rows.map((r) => r.fields)).toEqual([
      ['II.1.a', '2024-11-29', 'in_progress', '85', '', 'Đang tổng hợp', 'hcqt'],
      ['II.2.d', '2024-12-31', 'done', '100', '2024-12-20', 'Đã phục vụ kỳ họp', 'hcqt'],
    ]);
    expect(read.sheet.rows.at(-1)!.cells[1]!.value.t).toBe('d');
  });
});
