/** A fast path for task rows: well-formed rows are read without zod, with TaskSchema's exact result. */
import { MAX_ID_LENGTH, NUMBERING, type TaskInput } from './schema';
import { cleanMultiline, cleanText } from './text';

// As in progress-row.ts: any cell the fast path does not handle returns undefined, and the row goes through
// TaskSchema, which gives the same value for a valid row and the documented messages for an invalid one.
const textOf = (v: unknown, clean: (s: string) => string): string | undefined =>
  v === undefined || v === null ? '' : typeof v === 'string' ? clean(v) : undefined;

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
  const id = textOf(cells.id, cleanText);
  const section = textOf(cells.section, cleanText);
  const title = textOf(cells.title, cleanText);
  const content = textOf(cells.content, cleanMultiline);
  const directedBy = idsOf(cells.directed_by);
  const leadUnits = idsOf(cells.lead_units);
  const supportUnits = idsOf(cells.support_units);
  const timeline = textOf(cells.timeline, cleanText);
  const due = textOf(cells.due, cleanText);
  if (!id || id.length > MAX_ID_LENGTH || !NUMBERING.test(id) || !section || !title || !due) return undefined;
  if (content === undefined || directedBy === undefined || leadUnits === undefined || supportUnits === undefined || timeline === undefined) return undefined;
  return { id, section, title, content, directed_by: directedBy, lead_units: leadUnits, support_units: supportUnits, timeline, due };
}
