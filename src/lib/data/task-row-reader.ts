/** A fast path for task rows: well-formed rows are read without zod, with TaskSchema's exact result. */
import { windowsReservedName } from './portable-names';
import { isSafeMarkdown, MARKDOWN_MAX_LENGTH } from './markdown-limits';
import { MAX_ID_LENGTH, NUMBERING, type TaskInput } from './schema';
import { cellAt, textOf } from './row-cells';
import { cleanMultiline, cleanPlainMultiline, cleanPlainText, cleanText } from '../text';

/** The columns the fast path reads, in the order of the positions readTaskFields takes. */
export const TASK_FIELDS = [
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
const IN_ORDER = TASK_FIELDS.map((_, i) => i);

// TaskSchema's idList: ';'-separated, each part trimmed, empty parts dropped.
function idsOf(v: unknown, clean: (s: string) => string): string[] | undefined {
  const text = textOf(v, clean);
  if (text === undefined) return undefined;
  if (text === '') return [];
  if (text.indexOf(';') < 0) return [text];
  return text
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** The row as TaskSchema would parse it, or undefined when the row needs the schema (a cell is invalid, or not text). */
export function readTaskRow(cells: Record<string, unknown>): TaskInput | undefined {
  return readTaskFields(
    TASK_FIELDS.map((name) => cells[name]),
    IN_ORDER,
  );
}

/** Like readTaskRow, from a CSV row's fields: `at` gives each TASK_FIELDS column's position (fieldPositions); `plainText`: the table's. */
export function readTaskFields(
  fields: readonly unknown[],
  at: readonly number[],
  plainText = false,
): TaskInput | undefined {
  const line = plainText ? cleanPlainText : cleanText;
  const multiline = plainText ? cleanPlainMultiline : cleanMultiline;
  const id = textOf(cellAt(fields, at, 0), line);
  const section = textOf(cellAt(fields, at, 1), line);
  const title = textOf(cellAt(fields, at, 2), line);
  const content = textOf(cellAt(fields, at, 3), multiline);
  const directedBy = idsOf(cellAt(fields, at, 4), line);
  const leadUnits = idsOf(cellAt(fields, at, 5), line);
  const supportUnits = idsOf(cellAt(fields, at, 6), line);
  const timeline = textOf(cellAt(fields, at, 7), line);
  const due = textOf(cellAt(fields, at, 8), line);
  if (!id || id.length > MAX_ID_LENGTH || !NUMBERING.test(id) || windowsReservedName(id) || !section || !title || !due)
    return undefined;
  if (
    content === undefined ||
    !isSafeMarkdown(content, MARKDOWN_MAX_LENGTH.content) ||
    directedBy === undefined ||
    leadUnits === undefined ||
    supportUnits === undefined ||
    timeline === undefined
  )
    return undefined;
  return {
    id,
    section,
    title,
    content,
    directed_by: directedBy,
    lead_units: leadUnits,
    support_units: supportUnits,
    timeline,
    due,
  };
}
