/** Writing .xlsx workbooks with exceljs: dates as date cells, and the same bytes whenever the same data is written. */
import ExcelJS from 'exceljs';
import type { IsoDate } from '../../dates';
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
