/** Adding collected reports to a plan's progress table: new lines at the end of a CSV file, new objects in a JSON one. */
import { detectSeparator, parseCsv } from '../data/csv';
import type { NewReport } from './check';

/** The progress columns a report fills, with its value in each. */
export function progressCells(r: NewReport): Record<string, string | number | undefined> {
  return {
    task_id: r.taskId,
    as_of: r.asOf,
    status: r.status,
    percent: r.percent,
    completed_on: r.completedOn,
    note: r.note,
    reported_by: r.reportedBy,
  };
}

/** The columns a table must have to hold these reports: the required ones, reported_by, and those the reports fill. */
export function missingColumns(columns: readonly string[], reports: readonly NewReport[]): string[] {
  const needed = new Set(['task_id', 'as_of', 'status', 'reported_by']);
  for (const r of reports)
    for (const [column, value] of Object.entries(progressCells(r)))
      if (value !== undefined && value !== '') needed.add(column);
  return [...needed].filter((c) => !columns.includes(c));
}

/** Text to append to a progress CSV file: one line per report, in the file's columns, separator and line ends. */
export function csvAppendix(
  text: string,
  reports: readonly NewReport[],
): { ok: true; text: string } | { ok: false; missing: string[] } {
  const { columns } = parseCsv('progress.csv', text).table;
  const missing = missingColumns(columns, reports);
  if (missing.length > 0) return { ok: false, missing };
  const separator = detectSeparator(text);
  const lineEnd = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = reports.map((r) => {
    const cells = progressCells(r);
    return columns.map((c) => dataCell(Object.hasOwn(cells, c) ? cells[c] : undefined, separator)).join(separator);
  });
  const lead = text === '' || text.endsWith('\n') ? '' : lineEnd;
  return { ok: true, text: `${lead}${lines.join(lineEnd)}${lineEnd}` };
}

// A data file's cell: quoted when it holds the separator, a quote or a line break. A value a spreadsheet would take
// for a formula gets a leading space, which loading trims, so that opening the file in Excel runs nothing.
function dataCell(value: string | number | undefined, separator: string): string {
  if (value === undefined) return '';
  let text = String(value);
  if (/^[=+\-@]/.test(text)) text = ` ${text}`;
  return text.includes(separator) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A progress JSON file with the reports added at the end (the file is written again, two spaces an indent). */
export function jsonWithReports(text: string, reports: readonly NewReport[]): string {
  const rows = JSON.parse(text) as unknown[];
  for (const r of reports) {
    const cells = Object.entries(progressCells(r)).filter(([, v]) => v !== undefined);
    rows.push(Object.fromEntries(cells));
  }
  return `${JSON.stringify(rows, null, 2)}\n`;
}
