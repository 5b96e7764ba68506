/** A fast path for task rows: well-formed rows are read without zod, with TaskSchema's exact result. */
import { MAX_ID_LENGTH, NUMBERING, type TaskInput } from './schema';
import { cellAt, textOf } from './row-cells';
import { cleanMultiline, cleanText } from './text';

/** The columns the fast path reads, in the order of the positions readTaskFields takes. */
export const TASK_FIELDS = ['id', 'section', 'title', 'content', 'directed_by', 'lead_units', 'support_units', 'timeline', 'due'] as const;
const IN_ORDER = TASK_FIELDS.map((_, i) => i);

// TaskSchema's idList: ';'-separated, each part trimmed, empty parts dropped.
function idsOf(v: unknown): string[] | undefined {
  const text = textOf(v, cleanText);
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

/** Like readTaskRow, from a CSV row's fields: `at` gives each TASK_FIELDS column's position (fieldPositions). */
export function readTaskFields(fields: readonly unknown[], at: readonly number[]): TaskInput | undefined {
  const id = textOf(cellAt(fields, at, 0), cleanText);
  const section = textOf(cellAt(fields, at, 1), cleanText);
  const title = textOf(cellAt(fields, at, 2), cleanText);
  const content = textOf(cellAt(fields, at, 3), cleanMultiline);
  const directedBy = idsOf(cellAt(fields, at, 4));
  const leadUnits = idsOf(cellAt(fields, at, 5));
  const supportUnits = idsOf(cellAt(fields, at, 6));
  const timeline = textOf(cellAt(fields, at, 7), cleanText);
  const due = textOf(cellAt(fields, at, 8), cleanText);
  if (!id || id.length > MAX_ID_LENGTH || !NUMBERING.test(id) || !section || !title || !due) return undefined;
  if (content === undefined || directedBy === undefined || leadUnits === undefined || supportUnits === undefined || timeline === undefined) return undefined;
  return { id, section, title, content, directed_by: directedBy, lead_units: leadUnits, support_units: supportUnits, timeline, due };
}
