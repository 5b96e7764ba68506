/** Reading a returned form, from a workbook's sheet or a CSV file: its heading and its rows, each cell with its place. */
import Papa from 'papaparse';
import { detectSeparator, rowStartLines } from '../data/csv';
import { parseDate, type IsoDate } from '../dates';
import { errorAt, type DataIssue, type RowOrigin } from '../data/problems';
import { cleanText } from '../text';
import { cellRef, cellText, type Sheet, type SheetValue } from '../data/workbook/sheet';
import { FORM_COLUMNS, HEADING, type FormColumn } from './layout';
import { parsePeriodLabel, type Period } from './period';

/** Where a form's cells are named: `Báo cáo!H16` in a workbook, line 16 in a CSV file. */
export interface FormPlace {
  file: string;
  /** The worksheet's name; undefined for a CSV file. */
  sheet: string | undefined;
}

/** A cell of a returned form: its value (undefined when empty) and where it is. */
export interface FormCell {
  value: SheetValue | undefined;
  row: number;
  col: number;
}

/** A row of the form's table. */
export interface ReturnedRow {
  row: number;
  cells: Record<FormColumn, FormCell>;
}

/** A returned form as read: the heading's values (each with its cell) and the rows of its table. */
export interface ReturnedForm {
  place: FormPlace;
  unitId: FormCell | undefined;
  period: { value: Period | undefined; cell: FormCell } | undefined;
  cutoff: { value: IsoDate | undefined; cell: FormCell } | undefined;
  returnBy: { value: IsoDate | undefined; cell: FormCell } | undefined;
  code: FormCell | undefined;
  rows: ReturnedRow[];
}

/** Where a problem about a cell is: the cell of a workbook, the line of a CSV file. */
export function cellOrigin(place: FormPlace, cell: { row: number; col: number }): RowOrigin {
  return place.sheet === undefined
    ? { file: place.file, line: cell.row }
    : { file: place.file, cell: cellRef(place.sheet, cell.col, cell.row), row: cell.row };
}

/** A cell's text, cleaned (empty for an empty cell). */
export function textOfCell(cell: FormCell | undefined): string {
  return cell?.value ? cleanText(cellText(cell.value)) : '';
}

/** Reads a form's sheet; no form (with the problem) when it has no table of the form's columns. */
export function readFormSheet(place: FormPlace, sheet: Sheet): { form?: ReturnedForm; issues: DataIssue[] } {
  const labels = FORM_COLUMNS.map(([, label]) => label.toLowerCase());
  const headerIndex = sheet.rows.findIndex((r) => {
    const texts = new Set(r.cells.map((c) => cleanText(cellText(c.value)).toLowerCase()));
    return labels.every((l) => texts.has(l));
  });
  if (headerIndex < 0) {
    const expected = FORM_COLUMNS.map(([, l]) => l).join(', ');
    const message = `is not a monthly form as it was sent: no row has the headers ${expected}; return the form the office sent, with its columns as they were`;
    return { issues: [errorAt({ file: place.file }, 'form-layout', message)] };
  }
  const header = sheet.rows[headerIndex]!;
  const columnOf = new Map<FormColumn, number>();
  for (const [key, label] of FORM_COLUMNS) {
    const cell = header.cells.find((c) => cleanText(cellText(c.value)).toLowerCase() === label.toLowerCase());
    columnOf.set(key, cell!.col);
  }
  const heading = readHeading(sheet, headerIndex);
  const rows = sheet.rows.slice(headerIndex + 1).flatMap((r): ReturnedRow[] => {
    const byCol = new Map(r.cells.map((c) => [c.col, c.value]));
    const cells = Object.fromEntries(
      FORM_COLUMNS.map(([key]) => {
        const col = columnOf.get(key)!;
        return [key, { value: blankToUndefined(byCol.get(col)), row: r.row, col }];
      }),
    ) as Record<FormColumn, FormCell>;
    return Object.values(cells).some((c) => c.value) ? [{ row: r.row, cells }] : [];
  });
  return { form: { place, ...heading, rows }, issues: [] };
}

function blankToUndefined(value: SheetValue | undefined): SheetValue | undefined {
  return value && !(value.t === 's' && cleanText(value.v) === '') ? value : undefined;
}

// The heading: each row above the table whose first cell is one of HEADING's labels, its value the next cell.
function readHeading(sheet: Sheet, headerIndex: number): Omit<ReturnedForm, 'place' | 'rows'> {
  const found = new Map<string, FormCell>();
  for (const r of sheet.rows.slice(0, headerIndex)) {
    const [label, value] = r.cells.filter((c) => blankToUndefined(c.value));
    if (!label) continue;
    const key = cleanText(cellText(label.value)).replace(/:$/, '').trim().toLowerCase();
    found.set(key, { value: value?.value, row: r.row, col: value?.col ?? label.col + 1 });
  }
  const get = (label: string) => found.get(label.toLowerCase());
  const date = (cell: FormCell | undefined) =>
    cell && { value: cell.value?.t === 'd' ? cell.value.v : (parseDate(textOfCell(cell)) ?? undefined), cell };
  const periodCell = get(HEADING.period);
  return {
    unitId: get(HEADING.unitId),
    period: periodCell && { value: parsePeriodLabel(textOfCell(periodCell)), cell: periodCell },
    cutoff: date(get(HEADING.cutoff)),
    returnBy: date(get(HEADING.returnBy)),
    code: get(HEADING.code),
  };
}

/** A CSV file's text as a sheet of text cells, each row numbered by the line it starts on. */
export function csvSheet(name: string, text: string): Sheet {
  const normalized = text.indexOf('\r') < 0 ? text : text.replace(/\r\n?/g, '\n');
  const parsed = Papa.parse<string[]>(normalized, { delimiter: detectSeparator(normalized), newline: '\n' });
  const lines = rowStartLines(parsed.data);
  return {
    name,
    rows: parsed.data.flatMap((fields, i) => {
      const cells = fields.flatMap((v, c) => (v.trim() === '' ? [] : [{ col: c + 1, value: { t: 's' as const, v } }]));
      return cells.length > 0 ? [{ row: lines[i]!, cells }] : [];
    }),
  };
}
