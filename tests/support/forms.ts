/** Monthly forms for tests: generated from the default data, filled in as a person would in Excel, read back and checked. */
import ExcelJS from 'exceljs';
import { checkForm, reportKey, type FormOutcome, type RoundContext } from '../../src/lib/forms/check';
import { buildUnitForms, type UnitForm } from '../../src/lib/forms/build';
import { FORM_SHEET } from '../../src/lib/forms/layout';
import { defaultReturnBy, type Period } from '../../src/lib/forms/period';
import { csvSheet, readFormSheet } from '../../src/lib/forms/read';
import { writeFormWorkbook } from '../../src/lib/forms/write';
import type { Dataset } from '../../src/lib/data/model';
import type { DataIssue } from '../../src/lib/data/problems';
import { sha256Hex } from '../../src/node/hash';
import { readWorkbookSync } from '../../src/node/data/workbook/read-workbook';

/** What a person types into a row: by column letter (H status, I percent, J date, K note, or a locked one). */
export type RowFill = Partial<
  Record<'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H' | 'I' | 'J' | 'K' | 'L', ExcelJS.CellValue>
>;

/** The forms of a period, from a dataset, as the command makes them. */
export function formsOf(dataset: Dataset, period: Period): UnitForm[] {
  return buildUnitForms(dataset.plans, dataset.units, period, defaultReturnBy(period), sha256Hex);
}

/** The row of the form's table that holds a task (the header row + its place among the rows). */
function rowOf(form: UnitForm, taskId: string, headerRow = 17): number {
  const i = form.rows.findIndex((r) => r.locked.task === taskId);
  if (i < 0) throw new Error(`no task ${taskId} in the form of ${form.unit.id}`);
  return headerRow + 1 + i;
}

/**
 * A form's workbook with cells filled in: `fills` by task id, `cells` by address (e.g. C4 in the heading), `extraRows`
 * added under the table. A value like "80%" is typed as Excel takes it: 0.8 in a cell formatted as a percent.
 */
export async function filledForm(
  form: UnitForm,
  changes: { fills?: Record<string, RowFill>; cells?: Record<string, ExcelJS.CellValue>; extraRows?: RowFill[] } = {},
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await writeFormWorkbook(form, 'Văn phòng')) as unknown as ExcelJS.Buffer);
  const sheet = workbook.getWorksheet(FORM_SHEET)!;
  const put = (address: string, value: ExcelJS.CellValue) => {
    const cell = sheet.getCell(address);
    // Typing "80%" into a cell makes it 0.8 shown as a percent (a style of its own: exceljs shares loaded ones).
    const percent = typeof value === 'string' && /^\d+%$/.test(value) ? Number(value.slice(0, -1)) / 100 : undefined;
    cell.value = percent ?? value;
    if (percent !== undefined) cell.style = { ...cell.style, numFmt: '0%' };
  };
  for (const [task, fill] of Object.entries(changes.fills ?? {}))
    for (const [col, value] of Object.entries(fill)) put(`${col}${rowOf(form, task)}`, value);
  for (const [address, value] of Object.entries(changes.cells ?? {})) put(address, value);
  (changes.extraRows ?? []).forEach((fill, i) => {
    for (const [col, value] of Object.entries(fill))
      put(`${col}${rowOf(form, form.rows.at(-1)!.locked.task) + 1 + i}`, value);
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** What the collect command knows of a dataset for a round. */
export function roundOf(dataset: Dataset, period: Period): RoundContext {
  return {
    period,
    hash: sha256Hex,
    units: new Map(dataset.units.map((u) => [u.id, u])),
    tasks: new Map(dataset.plans.map((p) => [p.id, new Map(p.tasks.map((t) => [t.id, t]))])),
    reported: new Set(dataset.plans.flatMap((p) => p.reports.map(reportKey))),
  };
}

/** Reads and checks a returned workbook as `npm run collect` does. */
export function checkWorkbook(
  bytes: Uint8Array,
  ctx: RoundContext,
  file = 'hcqt.xlsx',
): FormOutcome | { issues: DataIssue[] } {
  const read = readWorkbookSync(bytes, FORM_SHEET);
  if (!read.ok) throw new Error(read.message);
  const { form, issues } = readFormSheet({ file, sheet: read.sheet.name }, read.sheet);
  return form ? checkForm(form, ctx) : { issues };
}

/** Reads and checks a returned CSV file as `npm run collect` does. */
export function checkCsv(text: string, ctx: RoundContext, file = 'hcqt.csv'): FormOutcome | { issues: DataIssue[] } {
  const { form, issues } = readFormSheet({ file, sheet: undefined }, csvSheet(file, text));
  return form ? checkForm(form, ctx) : { issues };
}

/** Fills in a form file on disk as a person would in Excel, and saves it under `out`: values by task id and column letter. */
export async function fillFile(path: string, out: string, fills: Record<string, RowFill>): Promise<void> {
  const { readFileSync, writeFileSync } = await import('node:fs');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(path) as unknown as ExcelJS.Buffer);
  const sheet = workbook.getWorksheet(FORM_SHEET)!;
  const rows = new Map<string, number>();
  sheet.eachRow((row, n) => {
    const task = row.getCell(2).value;
    if (typeof task === 'string') rows.set(task, n);
  });
  for (const [task, fill] of Object.entries(fills)) {
    const n = rows.get(task);
    if (n === undefined) throw new Error(`no task ${task} in ${path}`);
    for (const [col, value] of Object.entries(fill)) sheet.getCell(`${col}${n}`).value = value;
  }
  writeFileSync(out, new Uint8Array(await workbook.xlsx.writeBuffer()));
}
