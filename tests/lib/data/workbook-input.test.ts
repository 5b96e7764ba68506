import { beforeAll, describe, expect, it } from 'vitest';
import { loadDataset, type LoadResult } from '../../../src/lib/data/load';
import { formatIssue, sortIssues } from '../../../src/lib/data/problems';
import { WORKBOOK_LIMITS } from '../../../src/lib/data/workbook/container';
import { readWorkbookSync } from '../../../src/node/data/workbook/read-workbook';
import { memorySource, readFolder } from '../../support/memory-source';
import { csvAsWorkbook, dataAsWorkbooks, oleFile, partsOf, patchZip, tableWorkbook, zipOf } from '../../support/workbooks';

// Tables kept as Excel workbooks: the same data as the CSV files must give the same dataset, and every kind of
// workbook that cannot be read is refused with its file (and cell) and what to do.
const clean = readFolder('data');
const PLAN = 'data/plans/2024-khac-phuc';
const load = (files: ReadonlyMap<string, Uint8Array>): LoadResult =>
  loadDataset(memorySource(files), { root: 'data', buildDate: '2024-11-30' });
const reference = load(clean);
const text = (path: string) => new TextDecoder().decode(clean.get(path)!);

/** The default data with some files replaced (undefined removes one); the errors in those files, formatted (others follow on). */
function errorsWith(changes: Record<string, Uint8Array | undefined>): string[] {
  const files = new Map(clean);
  for (const [path, bytes] of Object.entries(changes)) {
    if (bytes === undefined) files.delete(path);
    else files.set(path, bytes);
  }
  const { dataset, issues } = load(files);
  const errors = sortIssues(issues.filter((i) => i.level === 'error' && i.file in changes));
  expect(dataset).toBeUndefined();
  return errors.map(formatIssue);
}

/** The default data with one CSV table replaced by a workbook. */
const asWorkbook = (csvPath: string, bytes: Uint8Array) => ({
  [csvPath]: undefined,
  [csvPath.replace(/\.csv$/, '.xlsx')]: bytes,
});

describe('tables kept as workbooks', () => {
  let workbooks: Map<string, Uint8Array>;
  beforeAll(async () => {
    workbooks = await dataAsWorkbooks(clean);
  });

  it('the default data written as workbooks gives the same dataset as the CSV files', () => {
    // units, leaders, unit-groups, tasks and progress.
    expect([...workbooks.keys()].filter((p) => p.endsWith('.xlsx'))).toHaveLength(5);
    const result = load(workbooks);
    expect(result.issues).toEqual([]);
    expect(result.dataset).toEqual(reference.dataset);
  });

  it('some tables as workbooks and others as CSV or JSON give the same dataset too', () => {
    const files = new Map(clean);
    files.delete('data/units.csv');
    files.set('data/units.xlsx', workbooks.get('data/units.xlsx')!);
    files.delete(`${PLAN}/progress.csv`);
    files.set(`${PLAN}/progress.xlsx`, workbooks.get(`${PLAN}/progress.xlsx`)!);
    expect(load(files).dataset).toEqual(reference.dataset);
  });

  it('reads the sheet named after the table, else the first visible one', async () => {
    const units = text('data/units.csv');
    const named = await csvAsWorkbook(units, 'Units');
    const first = await tableWorkbook({ sheet: 'Danh sách', header: ['id', 'name'], rows: [['th', 'Phòng Tổng hợp']] });
    expect(readWorkbookSync(named, 'units')).toMatchObject({ ok: true, sheet: { name: 'Units' } });
    expect(readWorkbookSync(first, 'units')).toMatchObject({ ok: true, sheet: { name: 'Danh sách' } });
  });
});

describe('problems in a workbook are located at their sheet and cell', () => {
  it('a status, a date and a percent that are wrong, each at its cell', async () => {
    const bytes = await tableWorkbook({
      sheet: 'Báo cáo',
      header: ['task_id', 'as_of', 'status', 'percent', 'completed_on', 'note', 'reported_by'],
      rows: [
        ['II.1.a', new Date(Date.UTC(2024, 5, 30)), 'Đang thực hiện', 0.5, null, 'Đúng', 'hcqt'],
        ['II.1.a', '31/6/2024', 'dang lam', 1.5, null, 'Sai ngày, tình trạng và tiến độ', 'hcqt'],
        ['II.9.z', '2024-07-31', 'done', '100', new Date(Date.UTC(2024, 7, 1)), 'Nhiệm vụ không có', 'hcqt'],
      ],
      formats: { '2,4': '0%', '3,4': '0%', '2,2': 'dd/mm/yyyy', '4,5': 'dd/mm/yyyy' },
    });
    expect(errorsWith(asWorkbook(`${PLAN}/progress.csv`, bytes))).toMatchInlineSnapshot(`
      [
        "data/plans/2024-khac-phuc/progress.xlsx: Báo cáo!B3: as_of "31/6/2024" is not a valid date (expected YYYY-MM-DD or DD/MM/YYYY, a day that exists)",
        "data/plans/2024-khac-phuc/progress.xlsx: Báo cáo!C3: status "dang lam" is not one of not_started, in_progress, done (or Chưa thực hiện, Đang thực hiện, Đã hoàn thành)",
        "data/plans/2024-khac-phuc/progress.xlsx: Báo cáo!D3: percent "150" is not a whole number from 0 to 100",
        "data/plans/2024-khac-phuc/progress.xlsx: Báo cáo!A4: task_id "II.9.z" is not a task id in this plan's tasks",
        "data/plans/2024-khac-phuc/progress.xlsx: Báo cáo!E4: completed_on "2024-08-01" is after the report's as_of 2024-07-31",
      ]
    `);
  });

  it('a missing column names the header row', async () => {
    const bytes = await tableWorkbook({ sheet: 'Đơn vị', header: ['ID', 'Ten'], rows: [['th', 'Phòng Tổng hợp']] });
    expect(errorsWith(asWorkbook('data/units.csv', bytes))).toMatchInlineSnapshot(`
      [
        "data/units.xlsx: Đơn vị!A1: missing required column name",
      ]
    `);
  });

  it.each([
    [
      'an error value (#N/A)',
      { error: '#N/A' },
      'data/leaders.xlsx: leaders!B2: holds the error #N/A instead of a value; correct the formula or type the value in',
    ],
    [
      'a formula without a saved result',
      { formula: 'VLOOKUP(A2,B:C,2,0)' },
      'data/leaders.xlsx: leaders!B2: holds a formula (=VLOOKUP(A2,B:C,2,0)) whose result was never saved (the file was not written by Excel or LibreOffice); open it in one of them and save it again, or type the value in',
    ],
  ] as const)('a cell holding %s', async (_name, value, message) => {
    const bytes = await tableWorkbook({
      sheet: 'leaders',
      header: ['id', 'title'],
      rows: [
        ['chanh-vp', value as never],
        ['lanh-dao-vp', 'Lãnh đạo Văn phòng'],
      ],
    });
    expect(errorsWith(asWorkbook('data/leaders.csv', bytes))).toEqual([message]);
  });

  it('a value in a column with no header', async () => {
    const bytes = await tableWorkbook({
      sheet: 'leaders',
      header: ['id', 'title'],
      rows: [['chanh-vp', 'Chánh Văn phòng', '', 'ghi chú']],
    });
    expect(errorsWith(asWorkbook('data/leaders.csv', bytes))).toMatchInlineSnapshot(`
      [
        "data/leaders.xlsx: leaders!D2: value "ghi chú" is in column D, which has no name in the header row; name the column or clear the cell",
      ]
    `);
  });

  it('text garbled before it came into the workbook', async () => {
    const bytes = await tableWorkbook({
      sheet: 'leaders',
      header: ['id', 'title'],
      rows: [['chanh-vp', 'ChÃ¡nh VÄƒn phÃ²ng']],
    });
    expect(errorsWith(asWorkbook('data/leaders.csv', bytes))).toMatchInlineSnapshot(`
      [
        "data/leaders.xlsx: leaders!B2: "ChÃ¡nh" is Vietnamese text garbled by a wrong encoding (it should read "Chánh"): it was copied from a CSV file opened with the wrong character set; type it again or copy it from the original",
      ]
    `);
  });
});

describe('workbooks that cannot be read are refused, saying how to save them', () => {
  let good: Uint8Array;
  beforeAll(async () => {
    good = await csvAsWorkbook(text('data/leaders.csv'), 'leaders');
  });
  const LEADERS = 'data/leaders.csv';

  it('two files for one table name both', async () => {
    expect(errorsWith({ [`${PLAN}/progress.xlsx`]: good })).toMatchInlineSnapshot(`[]`);
    expect(
      errorsWith({
        [LEADERS]: undefined,
        'data/leaders.json': new TextEncoder().encode('[]'),
        'data/leaders.xlsx': good,
      }),
    ).toMatchInlineSnapshot(`
      [
        "data/leaders.json: and data/leaders.xlsx both exist; keep one of them",
      ]
    `);
  });

  const RESAVE = 'open it in Excel or LibreOffice and save it as "Excel Workbook (.xlsx)" (or as "CSV UTF-8")';
  const ENCRYPTED =
    'data/leaders.xlsx: is protected with a password (encrypted), so it cannot be read; open it, remove the password (Excel: File → Info → Protect Workbook → Encrypt with Password, clear it; LibreOffice: File → Save As without "Save with password") and save it again';

  it.each([
    [
      'an Excel 97–2003 workbook (.xls)',
      'data/leaders.xls',
      'data/leaders.xls: is an Excel 97–2003 workbook (.xls), which is not read; open it in Excel or LibreOffice and save it as "Excel Workbook (.xlsx)" (File → Save As), and remove leaders.xls',
    ],
    [
      'a macro-enabled workbook (.xlsm)',
      'data/leaders.xlsm',
      'data/leaders.xlsm: is a macro-enabled workbook (.xlsm), which is not read; open it in Excel or LibreOffice and save it as "Excel Workbook (.xlsx)" (File → Save As), which leaves the macros out, and remove leaders.xlsm',
    ],
  ])('%s beside the table, or in its place', (_name, path, message) => {
    expect(errorsWith({ [path]: oleFile(['Workbook']) })).toEqual([message]);
    expect(errorsWith({ [LEADERS]: undefined, [path]: oleFile(['Workbook']) })).toEqual([message]);
  });

  it.each([
    [
      'an .xls renamed .xlsx',
      () => oleFile(['Workbook', 'SummaryInformation']),
      `data/leaders.xlsx: is an Excel 97–2003 workbook (.xls) with an .xlsx name; ${RESAVE}`,
    ],
    ['a workbook encrypted with a password', () => oleFile(['EncryptionInfo', 'EncryptedPackage']), ENCRYPTED],
    ['a ZIP whose parts are encrypted', () => patchZip(good, { flags: 1 }), ENCRYPTED],
    [
      'a workbook with macros (vbaProject.bin) renamed .xlsx',
      () => zipOf({ ...partsOf(good), 'xl/vbaProject.bin': 'VBA' }),
      'data/leaders.xlsx: holds macros (a macro-enabled workbook), which are never run nor accepted; in Excel choose File → Save As → "Excel Workbook (.xlsx)", which leaves the macros out',
    ],
    [
      'an OpenDocument spreadsheet renamed .xlsx',
      () => zipOf({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '<x/>' }),
      'data/leaders.xlsx: is an OpenDocument spreadsheet (.ods) with an .xlsx name; in LibreOffice choose File → Save As → "Excel 2007-365 (.xlsx)"',
    ],
    [
      'a Word document renamed .xlsx',
      () => zipOf({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w/>' }),
      `data/leaders.xlsx: is a ZIP file but not an Excel workbook; ${RESAVE}`,
    ],
    [
      'a CSV file renamed .xlsx',
      () => clean.get(LEADERS)!,
      `data/leaders.xlsx: is not an Excel workbook (it is not a ZIP file, as every .xlsx is); ${RESAVE}`,
    ],
    [
      'a cut-off download',
      () => good.subarray(0, good.length - 100),
      `data/leaders.xlsx: cannot be read as a workbook: it has no ZIP directory at its end (a damaged or cut-off file); ${RESAVE}`,
    ],
    [
      'a part that unpacks to more than it declares (a ZIP bomb)',
      () => patchZip(good, { size: (n, s) => (n.endsWith('sheet2.xml') ? 50 : s) }),
      'data/leaders.xlsx: cannot be read as a workbook: its part xl/worksheets/sheet2.xml unpacks to more than it declares (a damaged file, or one made to exhaust memory); open the original in Excel or LibreOffice and save it again',
    ],
    [
      'parts that declare more than 100 MB',
      () => patchZip(good, { size: (n, s) => (n.endsWith('sheet2.xml') ? 150 * 1024 * 1024 : s) }),
      'data/leaders.xlsx: unpacks to 150 MB of data, more than the 100 MB a workbook may hold; save a table that large as "CSV UTF-8"',
    ],
  ])('%s', async (_name, bytes, message) => {
    expect(errorsWith({ [LEADERS]: undefined, 'data/leaders.xlsx': await bytes() })).toEqual([message]);
  });

  it('a workbook larger than 20 MB is refused without being read', () => {
    const big = new Uint8Array(25 * 1024 * 1024);
    const files = new Map(clean);
    files.delete(LEADERS);
    files.set('data/leaders.xlsx', big);
    const source = memorySource(files);
    loadDataset(source, { root: 'data', buildDate: '2024-11-30' });
    expect(source.reads).not.toContain('data/leaders.xlsx');
    expect(errorsWith({ [LEADERS]: undefined, 'data/leaders.xlsx': big })).toMatchInlineSnapshot(`
      [
        "data/leaders.xlsx: is 25 MB; workbooks over 20 MB are refused (a plan's tables are usually well under 1 MB; save a larger one as "CSV UTF-8")",
      ]
    `);
  });

  it('reading is stopped at the time limit', () => {
    // A reading thread that takes a minute (the tests' pause), so the limit is reached however loaded the machine is:
    // with a real workbook and a limit of 1 ms, a main thread descheduled after posting the job found it done.
    const limits = { ...WORKBOOK_LIMITS, timeoutMs: 50 };
    process.env.PLAN_FAULT_WORKBOOK_PAUSE_MS = '60000';
    let result;
    try {
      result = readWorkbookSync(good, 'leaders', limits);
    } finally {
      delete process.env.PLAN_FAULT_WORKBOOK_PAUSE_MS;
    }
    expect(result).toMatchInlineSnapshot(`
      {
        "code": "workbook-timeout",
        "message": "took more than 0.05 s to read and was given up; save it as "CSV UTF-8", which reads far faster",
        "ok": false,
      }
    `);
    // The next workbook is read by a fresh thread.
    expect(readWorkbookSync(good, 'leaders')).toMatchObject({ ok: true });
  });
});
