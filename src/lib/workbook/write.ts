/** Writing .xlsx workbooks with exceljs: dates as date cells, and the same bytes whenever the same data is written. */
import ExcelJS from 'exceljs';
import type { IsoDate } from '../dates';
import { setZipTimes } from './zip';

/** A date as the cell value exceljs writes as that day (it counts days in UTC). */
export function dateCell(date: IsoDate): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day));
}

/** A new workbook whose document dates are `date` (not the time of writing), so it can be written byte for byte again. */
export function newWorkbook(date: IsoDate, title: string): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Theo dõi thực hiện kế hoạch';
  workbook.lastModifiedBy = workbook.creator;
  workbook.title = title;
  workbook.created = dateCell(date);
  workbook.modified = dateCell(date);
  return workbook;
}

/** The workbook's bytes, every part's time inside the ZIP set to `date`. */
export async function workbookBytes(workbook: ExcelJS.Workbook, date: IsoDate): Promise<Uint8Array<ArrayBuffer>> {
  const buffer = await workbook.xlsx.writeBuffer();
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return setZipTimes(new Uint8Array(buffer), { year: Math.max(1980, year), month, day });
}

/** A column width (in characters) that shows the header and most values whole: the longest, within min and max. */
export function fitWidth(header: string, values: readonly unknown[], min: number, max: number): number {
  let longest = header.length;
  for (const value of values) {
    const text = value === null || value === undefined ? '' : String(value);
    for (const line of text.split('\n')) longest = Math.max(longest, line.length);
  }
  return Math.min(max, Math.max(min, longest + 2));
}

/** Points per line of 11-point text, as Excel's default row is. */
const LINE_HEIGHT = 15;

/**
 * A row height (in points) that shows every wrapped cell whole: the most lines any cell needs at its column's width.
 * Spreadsheets keep a written row's height as it is, and LibreOffice does not fit rows to wrapped text on opening.
 */
export function fitHeight(values: readonly unknown[], widths: readonly number[]): number {
  let lines = 1;
  values.forEach((value, i) => {
    if (value === null || value === undefined) return;
    // A width unit is the width of a digit: about one character of Vietnamese text.
    const perLine = Math.max(1, Math.floor(widths[i] ?? 10));
    const needed = String(value)
      .split('\n')
      .reduce((n, line) => n + Math.max(1, Math.ceil(line.length / perLine)), 0);
    lines = Math.max(lines, needed);
  });
  return lines * LINE_HEIGHT;
}
