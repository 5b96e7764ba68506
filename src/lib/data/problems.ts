/** Data problems as values: every problem found in data/, with where it is, collected and reported together. */

/** One problem in the data, located by file and CSV line or JSON path. */
export interface DataIssue {
  /** Path of the file relative to the repository, e.g. data/plans/2024-vp/progress.csv. */
  file: string;
  /** 1-based line in a CSV file (the header is line 1). */
  line?: number | undefined;
  /** Location inside a JSON file, e.g. `[3].status` or `sections[1].parent`. */
  jsonPath?: string | undefined;
  /** The cell of a workbook, e.g. `Báo cáo!C14`. */
  cell?: string | undefined;
  /** The 1-based row of that cell, for ordering problems. */
  row?: number | undefined;
  /** The column or field concerned. */
  field?: string | undefined;
  /** A stable machine-readable kind, e.g. `unknown-unit`. */
  code: string;
  level: 'error' | 'warning';
  /** What is wrong, naming the value received and what was expected. */
  message: string;
}

/** A row of a worksheet: its sheet, its number, and the column letters of its fields, so a problem names its cell. */
export interface SheetRowRef {
  sheet: string;
  row: number;
  /** The column letter of each field, e.g. `{ status: 'C' }`. */
  letters: Readonly<Record<string, string>>;
}

/** Where a row came from, so problems in it can be located. */
export interface RowOrigin {
  file: string;
  line?: number | undefined;
  jsonPath?: string | undefined;
  /** A workbook's cell, when the problem is about one cell. */
  cell?: string | undefined;
  row?: number | undefined;
  /** A worksheet's row: a problem about a field is located at that field's cell. */
  sheetRow?: SheetRowRef | undefined;
}

/** Builds an error located at a row. */
export function errorAt(origin: RowOrigin, code: string, message: string, field?: string): DataIssue {
  return issueAt(origin, 'error', code, message, field);
}

/** Builds a warning located at a row. */
export function warningAt(origin: RowOrigin, code: string, message: string, field?: string): DataIssue {
  return issueAt(origin, 'warning', code, message, field);
}

function issueAt(
  origin: RowOrigin,
  level: DataIssue['level'],
  code: string,
  message: string,
  field: string | undefined,
): DataIssue {
  if (!origin.sheetRow) return { ...origin, field, code, level, message };
  const { sheetRow, ...at } = origin;
  const letter = (field !== undefined && Object.hasOwn(sheetRow.letters, field) && sheetRow.letters[field]) || 'A';
  return { ...at, cell: `${sheetRow.sheet}!${letter}${sheetRow.row}`, row: sheetRow.row, field, code, level, message };
}

/** Formats one problem as `path:line: message` (CSV), `path: json.path: message` (JSON) or `path: Sheet!C14: message` (workbook). */
export function formatIssue(issue: DataIssue): string {
  const prefix = issue.level === 'warning' ? 'warning: ' : '';
  if (issue.line !== undefined) return `${issue.file}:${issue.line}: ${prefix}${issue.message}`;
  if (issue.cell) return `${issue.file}: ${issue.cell}: ${prefix}${issue.message}`;
  if (issue.jsonPath) return `${issue.file}: ${issue.jsonPath}: ${prefix}${issue.message}`;
  return `${issue.file}: ${prefix}${issue.message}`;
}

/** Orders problems by file then line, so a person can work down a file. */
export function sortIssues(issues: readonly DataIssue[]): DataIssue[] {
  return [...issues].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      (a.line ?? a.row ?? 0) - (b.line ?? b.row ?? 0) ||
      (a.jsonPath ?? '').localeCompare(b.jsonPath ?? ''),
  );
}

/** True when any problem is an error (warnings alone do not stop a build). */
export function hasErrors(issues: readonly DataIssue[]): boolean {
  return issues.some((i) => i.level === 'error');
}

/** Quotes a received value for a message, showing invisible and very long values plainly. */
export function quote(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  const shown = text.length > 80 ? `${text.slice(0, 77)}…` : text;
  return JSON.stringify(shown);
}

/** Thrown by the data loader when the data has errors; carries every problem. */
export class DataError extends Error {
  constructor(readonly issues: DataIssue[]) {
    super(
      `${issues.filter((i) => i.level === 'error').length} problem(s) in data/:\n${sortIssues(issues).map(formatIssue).join('\n')}`,
    );
    this.name = 'DataError';
  }
}
