import { describe, expect, it } from 'vitest';
import { csvAppendix, jsonWithReports } from '../../../src/lib/forms/append';
import type { NewReport } from '../../../src/lib/forms/check';
import { parseCsv } from '../../../src/lib/data/csv';

const report = (over: Partial<NewReport> = {}): NewReport => ({
  planId: 'p',
  taskId: 'II.1.a',
  asOf: '2024-12-31',
  status: 'in_progress',
  percent: 90,
  completedOn: undefined,
  note: 'Đã tổ chức, "sơ kết"',
  reportedBy: 'hcqt',
  row: 18,
  ...over,
});
const HEADER = 'task_id,as_of,status,percent,completed_on,note,reported_by';

describe('collected reports added to a progress CSV file', () => {
  it.each([
    ['LF, ending in a line break', `${HEADER}\n`, 'II.1.a,2024-12-31,in_progress,90,,"Đã tổ chức, ""sơ kết""",hcqt\n'],
    [
      'CRLF',
      `${HEADER}\r\nx,2024-01-01,done,,,,\r\n`,
      'II.1.a,2024-12-31,in_progress,90,,"Đã tổ chức, ""sơ kết""",hcqt\r\n',
    ],
    ['no line break at the end', `${HEADER}`, '\nII.1.a,2024-12-31,in_progress,90,,"Đã tổ chức, ""sơ kết""",hcqt\n'],
    [
      '";" as the separator, columns in another order',
      'reported_by;task_id;as_of;status;note;percent\n',
      'hcqt;II.1.a;2024-12-31;in_progress;Đã tổ chức, "sơ kết";90\n'.replace(
        'Đã tổ chức, "sơ kết"',
        '"Đã tổ chức, ""sơ kết"""',
      ),
    ],
  ])('%s', (_name, text, appended) => {
    expect(csvAppendix(text, [report()])).toEqual({ ok: true, text: appended });
  });

  it('a note a spreadsheet would run as a formula gets a space, which loading trims', () => {
    const added = csvAppendix(`${HEADER}\n`, [report({ note: '=HYPERLINK("http://x")', percent: undefined })]);
    expect(added).toEqual({ ok: true, text: 'II.1.a,2024-12-31,in_progress,,," =HYPERLINK(""http://x"")",hcqt\n' });
    const { table } = parseCsv('p.csv', `${HEADER}\n${added.ok ? added.text : ''}`);
    expect(table.rows[0]!.cells).toMatchObject({ note: ' =HYPERLINK("http://x")' });
  });

  it('a multi-line Markdown note stays in one quoted cell', () => {
    const added = csvAppendix(`${HEADER}\n`, [report({ note: '- Một\n- Hai' })]);
    const { table } = parseCsv('p.csv', `${HEADER}\n${added.ok ? added.text : ''}`);
    expect(table.rows[0]!.cells).toMatchObject({ note: ' - Một\n- Hai', reported_by: 'hcqt' });
  });

  it('a header without the columns the reports fill is refused, naming them', () => {
    expect(csvAppendix('task_id,as_of,status\n', [report()])).toEqual({
      ok: false,
      missing: ['reported_by', 'percent', 'note'],
    });
  });
});

describe('collected reports added to a progress JSON file', () => {
  it('adds one object per report, fields named as the CSV columns', () => {
    const text = jsonWithReports('[{"task_id":"x","as_of":"2024-01-01","status":"done"}]', [
      report({ percent: undefined }),
    ]);
    expect(JSON.parse(text)).toEqual([
      { task_id: 'x', as_of: '2024-01-01', status: 'done' },
      {
        task_id: 'II.1.a',
        as_of: '2024-12-31',
        status: 'in_progress',
        note: 'Đã tổ chức, "sơ kết"',
        reported_by: 'hcqt',
      },
    ]);
  });
});
