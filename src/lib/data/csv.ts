/** Reading and writing CSV tables: papaparse's rows with their 1-based file lines, and Excel-safe output. */
import Papa from 'papaparse';
import { parseJsonFile, setOwn } from './json';
import { cleanText } from '../text';
import { errorAt, quote, warningAt, type DataIssue, type RowOrigin, type SheetRowRef } from './problems';

/** One data row of a table, with its cells by column name and where it came from. */
export interface TableRow {
  cells: Record<string, unknown>;
  /** CSV rows: the raw values in the order of the table's columns (cells is built from them on first use). */
  fields?: readonly string[] | undefined;
  /** 1-based line of the row's first character (CSV), the header being line 1. */
  line?: number | undefined;
  /** JSON location, e.g. `[4]` (JSON tables). */
  jsonPath?: string | undefined;
  /** Worksheet location (workbook tables). */
  sheetRow?: SheetRowRef | undefined;
}

/** A parsed table: its column names (lower case, trimmed) and rows. */
export interface Table {
  file: string;
  columns: string[];
  rows: TableRow[];
  /** 1-based line of the header row (CSV only). */
  headerLine?: number | undefined;
  /** Where the header row is, when not a line of a file (workbook tables). */
  headerOrigin?: RowOrigin | undefined;
  /** True when the file's text is PLAIN_TEXT (text.ts): cleanPlainText and cleanPlainMultiline then clean its cells. */
  plainText?: boolean | undefined;
}

/** The separators a CSV file may use: Vietnamese regional settings make Excel write `;`, "Unicode Text" uses tab. */
export type Separator = ',' | ';' | '\t';

/** Picks a file's separator from its first non-blank line (the header): the one used most outside quotes, `,` on a tie. */
export function detectSeparator(text: string): Separator {
  const counts: Record<Separator, number> = { ',': 0, ';': 0, '\t': 0 };
  let inQuotes = false;
  let content = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') inQuotes = !inQuotes;
    else if (inQuotes) continue;
    else if (c === '\n' || c === '\r') {
      if (content) break;
    } else if (c === ',' || c === ';' || c === '\t') counts[c]++;
    if (c.trim() !== '') content = true;
  }
  // Header names never hold a separator, so the header alone decides; values with commas inside quotes cannot sway it.
  return counts[';'] > counts[','] && counts[';'] >= counts['\t'] ? ';' : counts['\t'] > counts[','] ? '\t' : ',';
}

/** For each parsed row, the 1-based line it starts on, counting line breaks inside quoted fields. */
export function rowStartLines(rows: readonly (readonly string[])[]): number[] {
  const lines: number[] = [];
  let line = 1;
  for (const row of rows) {
    lines.push(line);
    let breaks = 0;
    for (const field of row) breaks += countLineBreaks(field);
    line += 1 + breaks;
  }
  return lines;
}

function countLineBreaks(text: string): number {
  // Most fields hold no line break: indexOf finds that without a loop over every character.
  if (text.indexOf('\n') < 0 && text.indexOf('\r') < 0) return 0;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) n++;
  }
  return n;
}

/** What the rows of one CSV table share: its column names, and the line of every parsed row, counted on first use. */
interface CsvShape {
  columns: readonly string[];
  /** False when a column is named __proto__ (setOwn is needed only for that one). */
  plainKeys: boolean;
  lines: () => number[];
}

// One cell per column, the last of two columns with the same name winning.
function rowCells(shape: CsvShape, fields: readonly string[]): Record<string, unknown> {
  const { columns, plainKeys } = shape;
  const cells: Record<string, unknown> = {};
  for (let c = 0; c < columns.length; c++) {
    if (plainKeys) cells[columns[c]!] = fields[c] ?? '';
    else setOwn(cells, columns[c]!, fields[c] ?? '');
  }
  return cells;
}

/** A CSV row: its cells object and line are made on first use, since the loader reads well-formed rows from their fields and only problems name a line. */
class CsvRow implements TableRow {
  readonly #shape: CsvShape;
  readonly #index: number;
  #cells: Record<string, unknown> | undefined;
  constructor(
    readonly fields: readonly string[],
    shape: CsvShape,
    index: number,
  ) {
    this.#shape = shape;
    this.#index = index;
  }
  get cells(): Record<string, unknown> {
    return (this.#cells ??= rowCells(this.#shape, this.fields));
  }
  get line(): number {
    return this.#shape.lines()[this.#index]!;
  }
}

/** Parses CSV text (`,` `;` or tab, any line ends) into a table, reporting malformed rows; blank lines are skipped. `plainText`: the text is PLAIN_TEXT. */
export function parseCsv(file: string, text: string, plainText = false): { table: Table; issues: DataIssue[] } {
  const issues: DataIssue[] = [];
  // One kind of line end, so that mixed files (CRLF rows, LF inside cells as Excel writes) count lines right.
  const normalized = text.indexOf('\r') < 0 ? text : text.replace(/\r\n?/g, '\n');
  const parsed = Papa.parse<string[]>(normalized, {
    header: false,
    skipEmptyLines: false,
    delimiter: detectSeparator(normalized),
    newline: '\n',
  });
  const data = parsed.data;
  let counted: number[] | undefined;
  const lines = () => (counted ??= rowStartLines(data));
  for (const err of parsed.errors) {
    const line = err.row !== undefined && err.row !== null ? lines()[err.row] : undefined;
    issues.push(errorAt({ file, line: line ?? 1 }, 'csv-syntax', csvSyntaxMessage(err)));
  }
  const headerIndex = data.findIndex((row) => !isBlankRow(row));
  if (headerIndex < 0) return { table: { file, columns: [], rows: [], headerLine: 1 }, issues };
  const headerLine = rowStartLines(data.slice(0, headerIndex + 1))[headerIndex];
  const columns = trimTrailingEmpty(data[headerIndex]!.map((h) => cleanText(h).toLowerCase()));
  const rows: TableRow[] = [];
  const shape: CsvShape = { columns, plainKeys: !columns.includes('__proto__'), lines };
  for (let i = headerIndex + 1; i < data.length; i++) {
    const row = data[i]!;
    if (isBlankRow(row)) continue;
    const fields = row.length > columns.length ? trimTrailingEmpty(row, columns.length) : row;
    if (fields.length > columns.length) {
      issues.push(
        errorAt(
          { file, line: lines()[i] },
          'too-many-fields',
          `row has ${fields.length} fields but the header has ${columns.length}; extra value ${quote(fields[columns.length])} (a separator inside a value needs the value in double quotes)`,
        ),
      );
      continue;
    }
    rows.push(new CsvRow(fields, shape, i));
  }
  // A cell is a piece of the text with some quotes taken out and no CR left: what cleanPlainText expects.
  return { table: { file, columns, rows, headerLine, plainText }, issues };
}

function csvSyntaxMessage(err: Papa.ParseError): string {
  if (err.code === 'MissingQuotes')
    return 'a value opened with a double quote (") is never closed; close it, or write a quote inside a value as ""';
  if (err.code === 'InvalidQuotes')
    return 'a quoted value has text after its closing quote; write a quote inside a value as "" and put the whole value in quotes';
  return `CSV syntax: ${err.message}`;
}

/** Reads a JSON table: an array of objects with the same field names as the CSV columns. */
export function parseJsonTable(file: string, text: string): { table: Table; issues: DataIssue[] } {
  const parsed = parseJsonFile(file, text);
  if (!parsed.ok) return { table: { file, columns: [], rows: [] }, issues: [parsed.issue] };
  const value = parsed.value;
  if (!Array.isArray(value)) {
    return {
      table: { file, columns: [], rows: [] },
      issues: [errorAt({ file }, 'json-shape', 'must be a JSON array of objects, one per row')],
    };
  }
  const issues: DataIssue[] = [];
  const columns = new Set<string>();
  const rows: TableRow[] = [];
  value.forEach((item, i) => {
    const jsonPath = `[${i}]`;
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      issues.push(errorAt({ file, jsonPath }, 'json-shape', `expected an object, received ${quote(item)}`));
      return;
    }
    const cells: Record<string, unknown> = {};
    for (const [column, cell] of Object.entries(item)) {
      columns.add(column);
      setOwn(cells, column, cell);
    }
    rows.push({ cells, jsonPath });
  });
  return { table: { file, columns: [...columns], rows }, issues };
}

/** Checks a table's columns: missing required ones are errors, unknown ones warnings. */
export function checkColumns(table: Table, required: readonly string[], optional: readonly string[]): DataIssue[] {
  const issues: DataIssue[] = [];
  const where = table.headerOrigin ?? { file: table.file, line: table.headerLine };
  const present = new Set(table.columns);
  const missing = required.filter((c) => !present.has(c));
  if (missing.length > 0 && (table.rows.length > 0 || table.columns.length > 0)) {
    issues.push(
      errorAt(where, 'missing-column', `missing required column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`),
    );
  }
  issues.push(...duplicateColumns(table));
  const known = new Set([...required, ...optional]);
  for (const column of table.columns) {
    if (column !== '' && !known.has(column)) {
      issues.push(
        warningAt(
          where,
          'unknown-column',
          `unknown column ${quote(column)} is ignored (expected ${[...required, ...optional].join(', ')})`,
        ),
      );
    }
  }
  return issues;
}

/** A column named twice (whatever its case or spaces): only the last would be read, so each row would seem to lack the first. */
function duplicateColumns(table: Table): DataIssue[] {
  const issues: DataIssue[] = [];
  const firstAt = new Map<string, number>();
  table.columns.forEach((column, i) => {
    if (column === '') return;
    const first = firstAt.get(column);
    if (first === undefined) return firstAt.set(column, i);
    issues.push(
      errorAt(
        { file: table.file, line: table.headerLine },
        'duplicate-column',
        `column ${quote(column)} appears twice in the header (columns ${first + 1} and ${i + 1}, ${columnLetter(first)} and ${columnLetter(i)} in Excel); only one can be read: remove or rename the other`,
      ),
    );
  });
  return issues;
}

/** A 0-based column index as Excel names it: A … Z, AA …. */
function columnLetter(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

function isBlankRow(row: readonly string[]): boolean {
  // A first cell that starts with a visible ASCII character is never blank; that decides almost every row.
  const first = row.length > 0 ? row[0]!.charCodeAt(0) : 0;
  if (first > 0x20 && first < 0x7f) return false;
  return row.every((cell) => cleanText(cell) === '');
}

function trimTrailingEmpty(row: readonly string[], keep = 0): string[] {
  let end = row.length;
  while (end > keep && cleanText(row[end - 1]!) === '') end--;
  return row.slice(0, end);
}

// The writer lives in its own module so browser code can use it without bundling papaparse.
export { csvCell, writeCsv } from './csv-write';
