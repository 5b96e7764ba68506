/** Resolving a task draft into a tasks.csv row: names to ids (unknown ones as "?name"), timeline to due, with issues. */
import { errorAt, quote, warningAt, type DataIssue } from '../data/problems';
import type { TaskDraft } from './drafts';
import { FIELD_LABELS } from './labels';
import { resolveLeaders, resolveUnits, type CellNames, type Refs } from './names';
import type { TaskRow } from './output';
import { timelineToDue } from './timeline';

/** What a task's names are resolved against, and where the text and the tables are, for messages. */
export interface ResolveContext {
  year: number;
  refs: Refs;
  /** The plan text's path. */
  file: string;
  unitsFile: string;
  leadersFile: string;
}

type NameField = 'directed_by' | 'lead_units' | 'support_units';

/** Builds the tasks.csv row of a draft and lists what the person must check in it. */
export function resolveTask(draft: TaskDraft, ctx: ResolveContext): { row: TaskRow; issues: DataIssue[] } {
  const issues = draftIssues(draft, ctx);
  const { fields } = draft;
  const leaders = fields.directed_by ? resolveLeaders(fields.directed_by.text, ctx.refs) : undefined;
  const leads = fields.lead_units ? resolveUnits(fields.lead_units.text, ctx.refs) : undefined;
  const supports = fields.support_units ? resolveUnits(fields.support_units.text, ctx.refs) : undefined;
  if (leaders) issues.push(...nameIssues(draft, 'directed_by', leaders, ctx));
  if (leads) issues.push(...nameIssues(draft, 'lead_units', leads, ctx));
  if (supports)
    issues.push(
      ...nameIssues(draft, 'support_units', supports.allUnits ? { ...supports, unmatched: [] } : supports, ctx),
    );
  for (const name of supports?.allUnits ? supports.unmatched : []) {
    const message = `${draft.id}: support_units ${quote(name)} is named beside every unit ("*"), and matches no unit in ${ctx.unitsFile}: add it there if it reports`;
    issues.push(
      warningAt(
        { file: ctx.file, line: fields.support_units!.line },
        'unmatched-unit-in-group',
        message,
        'support_units',
      ),
    );
  }
  const due = fields.timeline ? timelineToDue(fields.timeline.text, ctx.year) : undefined;
  if (fields.timeline && due && !due.ok) {
    const message = `${draft.id}: timeline ${quote(fields.timeline.text)} ${due.message}; due left empty`;
    issues.push(errorAt({ file: ctx.file, line: fields.timeline.line }, 'unreadable-timeline', message, 'due'));
  }
  const row: TaskRow = {
    id: draft.id,
    section: draft.section,
    title: draft.title,
    content: draft.content,
    directed_by: cell(leaders),
    lead_units: cell(leads),
    // `*` stands alone: every unit, those named beside the group phrase among them.
    support_units: supports?.allUnits ? '*' : cell(supports),
    timeline: fields.timeline?.text ?? '',
    due: due?.ok ? due.due : '',
  };
  return { row, issues };
}

/** Writes a cell: the ids, then each name that matched nothing as "?name" for the person to resolve. */
function cell(names: CellNames | undefined): string {
  return names ? [...names.ids, ...names.unmatched.map((n) => `?${n}`)].join(';') : '';
}

/** Fields not found, no content, and lines that matched no label. */
function draftIssues(draft: TaskDraft, ctx: ResolveContext): DataIssue[] {
  const at = { file: ctx.file, line: draft.line };
  const issues: DataIssue[] = [];
  for (const field of ['directed_by', 'lead_units', 'support_units', 'timeline'] as const) {
    if (draft.fields[field]) continue;
    // lead_units and due are required by npm run validate; the others may stay empty.
    const required = field === 'lead_units' || field === 'timeline';
    const effect = field === 'timeline' ? 'due left empty' : `${field} left empty`;
    issues.push(
      (required ? errorAt : warningAt)(
        at,
        'missing-field',
        `${draft.id}: no "${FIELD_LABELS[field]}" found; ${effect}`,
        field,
      ),
    );
  }
  if (draft.content === '')
    issues.push(errorAt(at, 'missing-field', `${draft.id}: no content found; content and title left empty`, 'content'));
  for (const note of draft.notes ?? [])
    issues.push(warningAt({ file: ctx.file, line: note.line }, 'assumed-field', `${draft.id}: ${note.text}`));
  for (const extra of draft.extras) {
    const message = `${draft.id}: ${quote(extra.text)} matches no field label; kept in the content`;
    issues.push(warningAt({ file: ctx.file, line: extra.line }, 'unrecognised-line', message, 'content'));
  }
  return issues;
}

/** Names that matched nothing, leaders named as units, and a lead cell that names no unit. */
function nameIssues(draft: TaskDraft, field: NameField, names: CellNames, ctx: ResolveContext): DataIssue[] {
  const at = { file: ctx.file, line: draft.fields[field]!.line };
  const issues: DataIssue[] = [];
  const leader = field === 'directed_by';
  for (const name of names.unmatched) {
    const code = leader ? 'unmatched-leader' : 'unmatched-unit';
    const table = leader ? `no leader in ${ctx.leadersFile}` : `no unit in ${ctx.unitsFile}`;
    issues.push(
      errorAt(
        at,
        code,
        `${draft.id}: ${field} ${quote(name)} matches ${table}; written as ${quote(`?${name}`)}`,
        field,
      ),
    );
  }
  for (const { name, id } of names.leaders) {
    issues.push(
      warningAt(
        at,
        'leader-not-unit',
        `${draft.id}: ${field} ${quote(name)} is a leader (${id}), not a unit; left out`,
        field,
      ),
    );
  }
  if (names.allUnits && ctx.refs.units.length === 0) {
    issues.push(
      errorAt(at, 'no-units', `${draft.id}: ${field} names every unit, but ${ctx.unitsFile} lists none`, field),
    );
  } else if (field === 'lead_units' && names.ids.length === 0 && names.unmatched.length === 0) {
    issues.push(
      errorAt(
        at,
        'missing-field',
        `${draft.id}: ${quote(draft.fields[field]!.text)} names no unit; lead_units left empty`,
        field,
      ),
    );
  }
  return issues;
}
