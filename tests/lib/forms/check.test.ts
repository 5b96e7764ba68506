import { beforeAll, describe, expect, it } from 'vitest';
import type { UnitForm } from '../../../src/lib/forms/build';
import type { FormOutcome } from '../../../src/lib/forms/check';
import { loadDataset } from '../../../src/lib/data/load';
import type { Dataset } from '../../../src/lib/data/model';
import { formatIssue, sortIssues, type DataIssue } from '../../../src/lib/data/problems';
import { checkCsv, checkWorkbook, filledForm, formsOf, roundOf } from '../../support/forms';
import { memorySource, readFolder } from '../../support/memory-source';

// Every refusal of `npm run collect`, each from a form filled in (wrongly) as a person would, with its located message.
const DECEMBER = { year: 2024, month: 12 };
const dataset = loadDataset(memorySource(readFolder('data')), { root: 'data', buildDate: '2024-11-30' }).dataset!;
const round = roundOf(dataset, DECEMBER);
const date = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

let hcqt: UnitForm;
beforeAll(() => {
  hcqt = formsOf(dataset, DECEMBER).find((f) => f.unit.id === 'hcqt')!;
});

const problems = (outcome: { issues: DataIssue[] }) => sortIssues(outcome.issues).map(formatIssue);
const fill = async (changes: Parameters<typeof filledForm>[1], ds: Dataset = dataset) =>
  checkWorkbook(await filledForm(hcqt, changes), ds === dataset ? round : roundOf(ds, DECEMBER)) as FormOutcome;

describe('a returned form', () => {
  it('gives a report for each row filled in, and none for blank rows', async () => {
    const outcome = await fill({
      fills: {
        'II.1.a': { H: 'Đang thực hiện', I: 90, K: 'Đã tổ chức sơ kết Chuyên đề năm 2024.' },
        'II.1.b': { H: 'Đã hoàn thành', I: '100%', J: date(2024, 12, 20) },
        'II.3.b': { H: 'chua thuc hien', I: '0', K: '- Chờ chủ trương\n- Đề nghị gia hạn' },
      },
    });
    expect(problems(outcome)).toEqual([]);
    expect(outcome.unit?.id).toBe('hcqt');
    expect(outcome.blank).toBe(4);
    expect(outcome.reports.map(({ row: _row, ...r }) => r)).toEqual([
      {
        planId: '2024-khac-phuc',
        taskId: 'II.1.a',
        asOf: '2024-12-31',
        status: 'in_progress',
        percent: 90,
        completedOn: undefined,
        note: 'Đã tổ chức sơ kết Chuyên đề năm 2024.',
        reportedBy: 'hcqt',
      },
      {
        planId: '2024-khac-phuc',
        taskId: 'II.1.b',
        asOf: '2024-12-31',
        status: 'done',
        percent: 100,
        completedOn: '2024-12-20',
        note: '',
        reportedBy: 'hcqt',
      },
      {
        planId: '2024-khac-phuc',
        taskId: 'II.3.b',
        asOf: '2024-12-31',
        status: 'not_started',
        percent: 0,
        completedOn: undefined,
        note: '- Chờ chủ trương\n- Đề nghị gia hạn',
        reportedBy: 'hcqt',
      },
    ]);
  });

  it('reads "Đã hoàn thành" without a percent as 100, and a text date DD/MM/YYYY', async () => {
    const outcome = await fill({ fills: { 'II.1.c': { H: 'Đã hoàn thành', J: '15/12/2024' } } });
    expect(problems(outcome)).toEqual([]);
    expect(outcome.reports[0]).toMatchObject({ status: 'done', percent: 100, completedOn: '2024-12-15' });
  });

  it('does not add a report the data already holds', async () => {
    const withReport = structuredClone(dataset);
    withReport.plans[0]!.reports.push({
      planId: '2024-khac-phuc',
      taskId: 'II.1.a',
      asOf: '2024-12-31',
      status: 'in_progress',
      note: '',
      reportedBy: 'hcqt',
    });
    const outcome = await fill({ fills: { 'II.1.a': { H: 'Đang thực hiện', I: 90 } } }, withReport);
    expect(outcome.reports).toEqual([]);
    expect(outcome.already.map((r) => r.taskId)).toEqual(['II.1.a']);
  });
});

describe('what the unit filled in wrongly is refused at its cell', () => {
  it('a status that is not in the list', async () => {
    expect(problems(await fill({ fills: { 'II.1.a': { H: 'Xong', I: 100 } } }))).toMatchInlineSnapshot(`
      [
        "hcqt.xlsx: Báo cáo!H18: "Tình trạng" "Xong" is not in the list: Chưa thực hiện, Đang thực hiện, Đã hoàn thành",
      ]
    `);
  });

  it('a percent out of range, or not a whole number', async () => {
    expect(
      problems(
        await fill({
          fills: { 'II.1.a': { H: 'Đang thực hiện', I: 150 }, 'II.1.b': { H: 'Đang thực hiện', I: 12.5 } },
        }),
      ),
    ).toMatchInlineSnapshot(`
      [
        "hcqt.xlsx: Báo cáo!I18: "Tiến độ (%)" "150" is not a whole number from 0 to 100",
        "hcqt.xlsx: Báo cáo!I19: "Tiến độ (%)" "12.5" is not a whole number from 0 to 100",
      ]
    `);
  });

  it('"Đã hoàn thành" without a date', async () => {
    expect(problems(await fill({ fills: { 'II.1.a': { H: 'Đã hoàn thành', I: 100 } } }))).toMatchInlineSnapshot(`
      [
        "hcqt.xlsx: Báo cáo!J18: "Ngày hoàn thành" is empty for a task reported as Đã hoàn thành; give the day it was completed",
      ]
    `);
  });

  it('a completion date after the cut-off, or one that is not a date', async () => {
    expect(
      problems(
        await fill({
          fills: {
            'II.1.a': { H: 'Đã hoàn thành', J: date(2025, 1, 3) },
            'II.1.b': { H: 'Đã hoàn thành', J: '31/11/2024' },
          },
        }),
      ),
    ).toMatchInlineSnapshot(`
      [
        "hcqt.xlsx: Báo cáo!J18: "Ngày hoàn thành" 03/01/2025 is after the cut-off 31/12/2024 of tháng 12/2024; report it in the next month's form",
        "hcqt.xlsx: Báo cáo!J19: "Ngày hoàn thành" "31/11/2024" is not a date (write it as DD/MM/YYYY, a day that exists)",
      ]
    `);
  });

  it('a date for a task not done, and a done task below 100%', async () => {
    expect(
      problems(
        await fill({
          fills: {
            'II.1.a': { H: 'Đang thực hiện', J: date(2024, 12, 3) },
            'II.1.b': { H: 'Đã hoàn thành', I: 80, J: date(2024, 12, 3) },
          },
        }),
      ),
    ).toMatchInlineSnapshot(`
      [
        "hcqt.xlsx: Báo cáo!J18: "Ngày hoàn thành" is filled in but "Tình trạng" is Đang thực hiện; clear the date, or choose Đã hoàn thành",
        "hcqt.xlsx: Báo cáo!I19: "Tiến độ (%)" 80 is below 100 for a task reported as Đã hoàn thành",
      ]
    `);
  });

  it('a percent or note without a status', async () => {
    expect(problems(await fill({ fills: { 'II.1.a': { I: 50 } } }))).toMatchInlineSnapshot(`
      [
        "hcqt.xlsx: Báo cáo!H18: "Tình trạng" is empty while other cells of the row are filled in; choose a status from the list",
      ]
    `);
  });
});

describe('a form that is not as it was sent is refused', () => {
  it('a task the unit does not lead, in a row added by hand', async () => {
    const outcome = await fill({
      extraRows: [{ A: '2024-khac-phuc', B: 'II.2.b', H: 'Đã hoàn thành', J: date(2024, 12, 2) }],
    });
    expect(problems(outcome)).toMatchInlineSnapshot(`
      [
        "hcqt.xlsx: Báo cáo!B25: "Mã nhiệm vụ": task "2024-khac-phuc II.2.b" is led by ban-tcd, not by hcqt; a unit reports only on the tasks it leads",
      ]
    `);
  });

  it('a task the unit leads that is not one of the form rows', async () => {
    const outcome = await fill({
      extraRows: [{ A: '2024-khac-phuc', B: 'II.3.a', C: 'Sửa đổi', H: 'Đang thực hiện' }],
    });
    expect(problems(outcome)).toMatchInlineSnapshot(`
      [
        "hcqt.xlsx: Báo cáo!B25: this row is not one of the rows the form was sent with (its hidden "Mã kiểm tra" is empty); rows cannot be added: report on the rows as sent",
      ]
    `);
  });

  it('a row copied twice', async () => {
    const first = hcqt.rows[0]!;
    const copy = {
      A: first.locked.plan,
      B: first.locked.task,
      C: first.locked.title,
      D: date(2024, 12, 31),
      E: first.locked.last_status,
      F: first.lastPercent,
      G: first.locked.last_note,
      H: 'Đang thực hiện',
      L: first.check,
    };
    expect(problems(await fill({ extraRows: [copy] }))).toMatchInlineSnapshot(`
      [
        "hcqt.xlsx: Báo cáo!B25: "Mã nhiệm vụ": task "2024-khac-phuc II.1.a" is in the form twice (first at row 18); keep one row",
      ]
    `);
  });

  it('an edited locked cell: each changed cell is named', async () => {
    const outcome = await fill({
      fills: {
        'II.1.a': { C: 'Giáo dục chính trị (đã sửa tên)', F: 95, H: 'Đang thực hiện' },
        'II.1.b': { D: date(2025, 3, 31) },
      },
    });
    expect(problems(outcome)).toMatchInlineSnapshot(`
      [
        "hcqt.xlsx: Báo cáo!C18: "Tên nhiệm vụ" is a locked cell and was changed (it is now "Giáo dục chính trị (đã sửa tên)"); undo the change, or ask the office for a new form",
        "hcqt.xlsx: Báo cáo!F18: "Tiến độ kỳ trước (%)" is a locked cell and was changed (it is now "95"); undo the change, or ask the office for a new form",
        "hcqt.xlsx: Báo cáo!D19: "Hạn" is a locked cell and was changed (it is now "2025-03-31"); undo the change, or ask the office for a new form",
      ]
    `);
    expect(outcome.reports).toEqual([]);
  });

  it('an edited heading', async () => {
    expect(problems(await fill({ cells: { C5: 'kt' } }))).toMatchInlineSnapshot(`
      [
        "hcqt.xlsx: Báo cáo!C9: "Mã biểu mẫu" does not match the heading (Mã đơn vị, Kỳ báo cáo and the dates were changed, or the code was); return the form as it was sent, or ask the office for a new one",
      ]
    `);
    expect(problems(await fill({ cells: { C7: date(2025, 1, 31) } }))).toMatchInlineSnapshot(`
      [
        "hcqt.xlsx: Báo cáo!C9: "Mã biểu mẫu" does not match the heading (Mã đơn vị, Kỳ báo cáo and the dates were changed, or the code was); return the form as it was sent, or ask the office for a new one",
      ]
    `);
  });

  it('a form of another period', async () => {
    const november = formsOf(dataset, { year: 2024, month: 11 }).find((f) => f.unit.id === 'hcqt')!;
    const outcome = checkWorkbook(await filledForm(november), round);
    expect(problems(outcome)).toMatchInlineSnapshot(`
      [
        "hcqt.xlsx: Báo cáo!C6: is the form of tháng 11/2024, not of this round (tháng 12/2024); collect it with --period 2024-11, or have the unit fill in this month's form",
      ]
    `);
  });

  it('a workbook that is not a form', async () => {
    const units = await filledForm(hcqt, { cells: { B17: 'Số' } });
    expect(problems(checkWorkbook(units, round))).toMatchInlineSnapshot(`
      [
        "hcqt.xlsx: is not a monthly form as it was sent: no row has the headers Kế hoạch, Mã nhiệm vụ, Tên nhiệm vụ, Hạn, Tình trạng kỳ trước, Tiến độ kỳ trước (%), Ghi chú kỳ trước, Tình trạng, Tiến độ (%), Ngày hoàn thành, Ghi chú, Mã kiểm tra; return the form the office sent, with its columns as they were",
      ]
    `);
  });
});

describe('a form returned as CSV is read the same way, its problems at their lines', () => {
  it('the same reports and the same refusals', async () => {
    const { readWorkbookSync } = await import('../../../src/node/data/workbook/read-workbook');
    const bytes = await filledForm(hcqt, {
      fills: { 'II.1.a': { H: 'Đang thực hiện', I: 90 }, 'II.1.b': { H: 'Xong' } },
    });
    const read = readWorkbookSync(bytes, 'Báo cáo');
    if (!read.ok) throw new Error(read.message);
    // The sheet as Excel's "CSV UTF-8" writes it: the text each cell shows, dates as DD/MM/YYYY.
    const lines = Array.from({ length: read.sheet.rows.at(-1)!.row }, () => ',,,,,,,,,,,');
    for (const r of read.sheet.rows) {
      const cells: string[] = Array.from({ length: 12 }, () => '');
      for (const c of r.cells)
        cells[c.col - 1] = c.value.t === 'd' ? c.value.v.split('-').reverse().join('/') : String(c.value.v);
      lines[r.row - 1] = cells.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',');
    }
    const outcome = checkCsv(lines.join('\r\n'), round) as FormOutcome;
    expect(outcome.reports.map((r) => [r.taskId, r.status, r.percent])).toEqual([['II.1.a', 'in_progress', 90]]);
    expect(problems(outcome)).toMatchInlineSnapshot(`
      [
        "hcqt.csv:19: "Tình trạng" "Xong" is not in the list: Chưa thực hiện, Đang thực hiện, Đã hoàn thành",
      ]
    `);
  });
});
