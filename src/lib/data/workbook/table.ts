/**
 * A worksheet as a data table: the same rows, with the same text in each cell, as the CSV file saved from it would
 * give, so that one validation serves both. Each row keeps its sheet and row number, so a problem names its cell.
 */
import type { Table, TableRow } from '../csv';
import { setOwn } from '../json';
import { findLossyText, lossyTextMessage } from '../lossy-text';
import { errorAt, quote, type DataIssue, type SheetRowRef } from '../problems';
import { cleanText } from '../../text';
import { cellRef, cellText, columnLetters, type Sheet, type SheetCell, type SheetRow, type SheetValue } from './sheet';

/** Reads a worksheet as a table: the first row that holds anything is the header, blank rows are skipped. */
export function sheetTable(file: string, sheet: Sheet): { table: Table; issues: DataIssue[] } {
  const issues: DataIssue[] = [];
  const headerIndex = sheet.rows.findIndex((r) => r.cells.some((c) => !isBlank(c.value)));
  if (headerIndex < 0) return { table: { file, columns: [], rows: [] }, issues };
  const header = sheet.rows[headerIndex]!;
  const columns = headerColumns(header);
  const letters: Record<string, string> = {};
  columns.forEach((name, i) => setOwn(letters, name, columnLetters(i + 1)));
  const rows: TableRow[] = [];
  for (const source of sheet.rows.slice(headerIndex + 1)) {
    const row = sheetRow(file, sheet.name, source, columns, letters, issues);
    if (row) rows.push(row);
  }
  const headerOrigin = { file, cell: cellRef(sheet.name, 1, header.row), row: header.row };
  return { table: { file, columns, rows, headerOrigin }, issues };
}

function headerColumns(header: SheetRow): string[] {
  const last = Math.max(0, ...header.cells.filter((c) => !isBlank(c.value)).map((c) => c.col));
  const columns = Array.from({ length: last }, () => '');
  for (const cell of header.cells)
    if (cell.col <= last) columns[cell.col - 1] = cleanText(cellText(cell.value)).toLowerCase();
  return columns;
}

// One row's fields as text, or undefined (with its problems recorded) when a cell cannot give a value.
function sheetRow(
  file: string,
  sheet: string,
  source: SheetRow,
  columns: readonly string[],
  letters: Readonly<Record<string, string>>,
  issues: DataIssue[],
): TableRow | undefined {
  const fields = Array.from({ length: columns.length }, () => '');
  let ok = true;
  let blank = true;
  for (const cell of source.cells) {
    if (isBlank(cell.value)) continue;
    blank = false;
    const problem = cellProblem(cell, columns);
    if (problem) {
      issues.push(errorAt({ file, cell: cellRef(sheet, cell.col, source.row), row: source.row }, ...problem));
      ok = false;
    } else fields[cell.col - 1] = cellText(cell.value);
  }
  if (blank || !ok) return undefined;
  const cells: Record<string, unknown> = {};
  columns.forEach((name, i) => setOwn(cells, name, fields[i]));
  const sheetRow: SheetRowRef = { sheet, row: source.row, letters };
  return { fields, cells, sheetRow };
}

function cellProblem(cell: SheetCell, columns: readonly string[]): [code: string, message: string] | undefined {
  const { value } = cell;
  if (cell.col > columns.length)
    return [
      'too-many-fields',
      `value ${quote(cellText(value) || value.v)} is in column ${columnLetters(cell.col)}, which has no name in the header row; name the column or clear the cell`,
    ];
  if (value.t === 'e')
    return ['cell-error', `holds the error ${value.v} instead of a value; correct the formula or type the value in`];
  if (value.t === 'f')
    return [
      'cell-formula',
      `holds a formula (=${value.v}) whose result was never saved (the file was not written by Excel or LibreOffice); open it in one of them and save it again, or type the value in`,
    ];
  if (value.t === 's') {
    const lossy = findLossyText(value.v);
    if (lossy) return ['lossy-text', lossyTextMessage(lossy, 'cell')];
  }
  return undefined;
}

function isBlank(value: SheetValue): boolean {
  return value.t === 's' && cleanText(value.v) === '';
}
