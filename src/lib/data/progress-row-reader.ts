/** A fast path for progress rows, the bulk of the data: well-formed rows are read without zod, with ProgressSchema's exact result. */
import { parseDate } from '../dates';
import { isSafeMarkdown, MARKDOWN_MAX_LENGTH } from './markdown-limits';
import { parsePercent, parseReportedStatus, type ProgressInput } from './schema';
import { cellAt, textOf } from './row-cells';
import { cleanMultiline, cleanPlainMultiline, cleanPlainText, cleanText } from '../text';

/** The columns the fast path reads, in the order of the positions readProgressFields takes. */
export const PROGRESS_FIELDS = [
  'task_id',
  'as_of',
  'status',
  'percent',
  'completed_on',
  'note',
  'reported_by',
] as const;
const IN_ORDER = PROGRESS_FIELDS.map((_, i) => i);

/** The row as ProgressSchema would parse it, or undefined when the row needs the schema (a cell is invalid, or not text). */
export function readProgressRow(cells: Record<string, unknown>): ProgressInput | undefined {
  return readProgressFields(
    PROGRESS_FIELDS.map((name) => cells[name]),
    IN_ORDER,
  );
}

/** Like readProgressRow, from a CSV row's fields: `at` gives each PROGRESS_FIELDS column's position (fieldPositions); `plainText`: the table's. */
export function readProgressFields(
  fields: readonly unknown[],
  at: readonly number[],
  plainText = false,
): ProgressInput | undefined {
  const line = plainText ? cleanPlainText : cleanText;
  const multiline = plainText ? cleanPlainMultiline : cleanMultiline;
  const taskId = textOf(cellAt(fields, at, 0), line);
  const asOfText = textOf(cellAt(fields, at, 1), line);
  const statusText = textOf(cellAt(fields, at, 2), line);
  const percentText = textOf(cellAt(fields, at, 3), line);
  const completedText = textOf(cellAt(fields, at, 4), line);
  const note = textOf(cellAt(fields, at, 5), multiline);
  const reportedBy = textOf(cellAt(fields, at, 6), line);
  if (
    !taskId ||
    !asOfText ||
    statusText === undefined ||
    percentText === undefined ||
    completedText === undefined ||
    note === undefined ||
    !isSafeMarkdown(note, MARKDOWN_MAX_LENGTH.note) ||
    reportedBy === undefined
  )
    return undefined;
  const asOf = parseDate(asOfText);
  const status = parseReportedStatus(statusText);
  const percent = parsePercent(percentText);
  const completedOn = completedText === '' ? undefined : parseDate(completedText);
  if (!asOf || !status || percent === null || completedOn === null) return undefined;
  return {
    task_id: taskId,
    as_of: asOf,
    status,
    percent,
    completed_on: completedOn,
    note,
    reported_by: reportedBy || undefined,
  };
}
