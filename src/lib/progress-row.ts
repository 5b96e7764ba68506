/** A fast path for progress rows, the bulk of the data: well-formed rows are read without zod, with ProgressSchema's exact result. */
import { parseDate } from './dates';
import { parsePercent, parseReportedStatus, type ProgressInput } from './schema';
import { cleanMultiline, cleanText } from './text';

// Any cell the fast path does not handle returns undefined, and the row goes through ProgressSchema,
// which gives the same value for a valid row and the documented messages for an invalid one.
const textOf = (v: unknown, clean: (s: string) => string): string | undefined =>
  v === undefined || v === null ? '' : typeof v === 'string' ? clean(v) : undefined;

/** The row as ProgressSchema would parse it, or undefined when the row needs the schema (a cell is invalid, or not text). */
export function readProgressRow(cells: Record<string, unknown>): ProgressInput | undefined {
  const taskId = textOf(cells.task_id, cleanText);
  const asOfText = textOf(cells.as_of, cleanText);
  const statusText = textOf(cells.status, cleanText);
  const percentText = textOf(cells.percent, cleanText);
  const completedText = textOf(cells.completed_on, cleanText);
  const note = textOf(cells.note, cleanMultiline);
  const reportedBy = textOf(cells.reported_by, cleanText);
  if (!taskId || !asOfText || statusText === undefined || percentText === undefined || completedText === undefined || note === undefined || reportedBy === undefined) return undefined;
  const asOf = parseDate(asOfText);
  const status = parseReportedStatus(statusText);
  const percent = parsePercent(percentText);
  const completedOn = completedText === '' ? undefined : parseDate(completedText);
  if (!asOf || !status || percent === null || completedOn === null) return undefined;
  return { task_id: taskId, as_of: asOf, status, percent, completed_on: completedOn, note, reported_by: reportedBy || undefined };
}
