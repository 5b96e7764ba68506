/** A worksheet as plain values: what the workbook reader (src/node/workbook) hands to the pure code that checks it. */

/** One cell's value, as the workbook stores it. */
export type SheetValue =
  | { t: 's'; v: string }
  /** A number; `pct` when its number format shows it as a percent (0.75 shown as 75%). */
  | { t: 'n'; v: number; pct?: boolean }
  /** A date cell (a number with a date format), as YYYY-MM-DD. */
  | { t: 'd'; v: string }
  | { t: 'b'; v: boolean }
  /** An error value, like #N/A or #REF!. */
  | { t: 'e'; v: string }
  /** A formula the workbook holds no calculated result for. */
  | { t: 'f'; v: string };

/** A cell that holds something, with its 1-based column. */
export interface SheetCell {
  col: number;
  value: SheetValue;
}

/** A row that holds something, with its 1-based number. */
export interface SheetRow {
  row: number;
  cells: SheetCell[];
}

/** One worksheet: its name and the rows that hold something, in order. */
export interface Sheet {
  name: string;
  rows: SheetRow[];
}

/** A worksheet read from a workbook, or why the workbook could not be read. */
export type WorkbookRead = { ok: true; sheet: Sheet } | { ok: false; code: string; message: string };

/** Reads one worksheet of a workbook's bytes: the one named `sheet` (any case), else the first visible one. */
export type WorkbookParser = (bytes: Uint8Array, sheet: string) => WorkbookRead;

/** A column's letters, e.g. 1 → A, 27 → AA. */
export function columnLetters(col: number): string {
  let letters = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** A cell's place as messages give it: `Báo cáo!C14`. */
export function cellRef(sheet: string, col: number, row: number): string {
  return `${sheet}!${columnLetters(col)}${row}`;
}

/** A number as a spreadsheet shows it in General format: at most 15 significant digits, so 0.1 + 0.2 is 0.3. */
export function numberText(n: number): string {
  return String(Number(n.toPrecision(15)));
}

/** A cell's value as the text a CSV file would hold: numbers as written, dates as YYYY-MM-DD, percents as 75 for 75%. */
export function cellText(value: SheetValue): string {
  switch (value.t) {
    case 's':
    case 'd':
      return value.v;
    case 'n':
      return numberText(value.pct ? value.v * 100 : value.v);
    case 'b':
      return value.v ? 'TRUE' : 'FALSE';
    case 'e':
    case 'f':
      return '';
  }
}
