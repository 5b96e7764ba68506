/** Writing what was read: plan.json (pretty-printed) and tasks.csv (UTF-8, RFC 4180 quoting). */
import Papa from 'papaparse';
import type { SectionJson } from './drafts';

/** plan.json as the importer writes it. */
export interface PlanJson {
  year: number;
  end_year?: number;
  title: string;
  number?: string;
  issued_on?: string;
  basis?: string;
  sections: SectionJson[];
  duties?: DutyJson[];
}

/** One entry of plan.json's duties: a unit's id (or "?name" when unmatched) and its text (Markdown). */
export interface DutyJson {
  unit: string;
  text: string;
}

/** The columns of tasks.csv, in order. */
export const TASK_COLUMNS = [
  'id',
  'section',
  'title',
  'content',
  'directed_by',
  'lead_units',
  'support_units',
  'timeline',
  'due',
] as const;

/** One row of tasks.csv. */
export type TaskRow = Record<(typeof TASK_COLUMNS)[number], string>;

/** Formats plan.json: two-space indents, a final newline. */
export function formatPlanJson(plan: PlanJson): string {
  return `${JSON.stringify(plan, null, 2)}\n`;
}

/** Formats tasks.csv as docs/data-format.md asks: UTF-8 without BOM, comma-separated, quoted only where needed. */
export function formatTasksCsv(rows: readonly TaskRow[]): string {
  const data = rows.map((row) => TASK_COLUMNS.map((c) => row[c]));
  return `${Papa.unparse({ fields: [...TASK_COLUMNS], data }, { newline: '\n', quotes: false })}\n`;
}

/** Formats rows (without a header) for appending to a CSV table, in the given column order. */
export function formatCsvRows(columns: readonly string[], rows: readonly Record<string, string>[]): string {
  return `${Papa.unparse({ fields: [...columns], data: rows.map((r) => columns.map((c) => r[c] ?? '')) }, { newline: '\n', header: false })}\n`;
}
