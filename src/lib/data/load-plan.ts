/** Loading one plan folder: plan.json, tasks and progress, checked against each other and the units and leaders. */
import type { IsoDate } from '../dates';
import { parseDue, type DueResult } from './due';
import type { TableRow } from './csv';
import type { Leader, Plan, Report, Task, Unit } from './model';
import { errorAt, quote, type RowOrigin } from './problems';
import { PROGRESS_FIELDS, readProgressFields, readProgressRow } from './progress-row-reader';
import { fieldPositions } from './row-cells';
import { readTaskFields, readTaskRow, TASK_FIELDS } from './task-row-reader';
import { MAX_ID_LENGTH, ProgressSchema, SLUG, TaskSchema, type ProgressInput, type TaskInput } from './schema';
import { caseClash, windowsReservedName, type FoldedIds } from './portable-names';
import { type LoadContext, originOf, where } from './load-context';
import { loadPlanJson, type KnownHead } from './load-plan-head';

/** The units and leaders a plan may refer to, and the site's as-of date. */
export interface PlanRefs {
  units: Map<string, Unit>;
  leaders: Map<string, Leader>;
  asOf: IsoDate | undefined;
  /** Tables that could not be read: references to them go unchecked rather than flooding the report with follow-on errors. */
  unreadable: ReadonlySet<'units' | 'leaders'>;
}

/** Loads a plan folder; undefined when plan.json is invalid. Tasks and progress are checked all the same, so one run reports every problem. */
export function loadPlan(ctx: LoadContext, dir: string, id: string, refs: PlanRefs): Plan | undefined {
  const unfit = planFolderProblem(id);
  if (unfit) {
    ctx.issues.push(errorAt({ file: dir }, 'invalid-id', `folder name ${quote(id)} is not a valid plan id${unfit}`));
    return undefined;
  }
  const head = loadPlanJson(ctx, `${dir}/plan.json`, refs);
  const loaded = loadTasks(ctx, `${dir}/tasks`, id, head.known, refs);
  const reports = loadProgress(ctx, `${dir}/progress`, id, loaded?.declared, refs);
  return head.plan ? { ...head.plan, id, tasks: loaded?.tasks ?? [], reports } : undefined;
}

/** Why a plan folder's name cannot be a plan id (the rest of the message), or undefined. */
function planFolderProblem(id: string): string | undefined {
  if (!SLUG.test(id)) return ' (expected lowercase letters, digits and "-", like "2024-vp")';
  const reserved = windowsReservedName(id);
  if (reserved)
    return `: Windows reserves the name "${reserved}" for a device, so the published folder could not be copied to a Windows server; rename the folder`;
  if (id.length > MAX_ID_LENGTH)
    return `: it is ${id.length} characters long (at most ${MAX_ID_LENGTH}), and the published folder may be copied to a Windows server or a share where long paths break; rename the folder`;
  return undefined;
}

/** The valid tasks, and every task id the file declares (so reports on a task with other errors are not flagged too). */
function loadTasks(
  ctx: LoadContext,
  base: string,
  planId: string,
  head: KnownHead,
  refs: PlanRefs,
): { tasks: Task[]; declared: Map<string, string> } | undefined {
  const table = ctx.readTable(base, 'tasks');
  if (!table) return undefined;
  const allUnits = [...refs.units.keys()];
  const tasks: Task[] = [];
  const seen = new Map<string, TableRow>();
  const folded: FoldedIds = new Map();
  const at = fieldPositions(table.columns, TASK_FIELDS);
  for (const row of table.rows) {
    const fast = row.fields ? readTaskFields(row.fields, at, table.plainText) : readTaskRow(row.cells);
    const read = fast ? { value: fast, failed: NO_FIELDS } : ctx.parseRowPartly(TaskSchema, row, table.file);
    const t = withDefaults(read.value);
    const supportAll = t.support_units.length === 1 && t.support_units[0] === '*';
    // A due that failed the schema (empty) was reported there; an unknown year only matters to "ongoing". A recurring
    // task of a plan over several years runs to the end of its last year.
    const due = read.failed.has('due') ? undefined : parseDue(t.due, head.endYear ?? head.year ?? yearIn(t.due));
    const problems = checkTask(t, read.failed, supportAll, due, seen, head.sections, refs);
    const clash = read.failed.has('id') ? undefined : caseClash(t.id, folded, where(row));
    if (clash) problems.push(['id', 'case-clash', clash]);
    if (problems.length > 0) {
      const origin = originOf(table.file, row);
      for (const [field, code, message] of problems) ctx.issues.push(errorAt(origin, code, message, field));
    }
    if (!read.failed.has('id') && !seen.has(t.id)) seen.set(t.id, row);
    if (read.failed.size > 0 || problems.length > 0 || !due?.ok) continue;
    tasks.push({
      planId,
      id: t.id,
      section: t.section,
      title: t.title,
      content: t.content,
      directedBy: t.directed_by,
      leadUnits: t.lead_units,
      supportUnits: supportAll ? allUnits.filter((u) => !t.lead_units.includes(u)) : t.support_units,
      supportAll,
      timeline: t.timeline,
      dueExpr: t.due,
      due: due.due,
    });
  }
  return { tasks, declared: new Map([...seen.keys()].map((id) => [id, id])) };
}

const NO_FIELDS: ReadonlySet<string> = new Set();

/** A task row with the fields that failed the schema left empty (their problems are already recorded). */
function withDefaults(t: Partial<TaskInput>): TaskInput {
  return {
    id: t.id ?? '',
    section: t.section ?? '',
    title: t.title ?? '',
    content: t.content ?? '',
    directed_by: t.directed_by ?? [],
    lead_units: t.lead_units ?? [],
    support_units: t.support_units ?? [],
    timeline: t.timeline ?? '',
    due: t.due ?? '',
  };
}

/** The first year a due expression names, for reading it when plan.json gives no valid year. */
function yearIn(due: string): number {
  const m = /\b(\d{4})\b/.exec(due);
  return m ? Number(m[1]) : 2000;
}

// A function of its own rather than closures inside the row loop: loading checks 10,000 task rows.
function checkTask(
  t: TaskInput,
  failed: ReadonlySet<string>,
  supportAll: boolean,
  due: DueResult | undefined,
  seen: Map<string, TableRow>,
  sectionIds: Set<string> | undefined,
  refs: PlanRefs,
): Problem[] {
  const problems: Problem[] = [];
  const anyUnit = refs.unreadable.has('units');
  const anyLeader = refs.unreadable.has('leaders');
  if (!failed.has('id') && seen.has(t.id))
    problems.push(['id', 'duplicate-id', `id ${quote(t.id)} is used twice (first at ${where(seen.get(t.id)!)})`]);
  if (sectionIds && !failed.has('section') && !sectionIds.has(t.section))
    problems.push([
      'section',
      'unknown-section',
      `section ${quote(t.section)} is not a section of plan.json (known: ${[...sectionIds].join(', ')})`,
    ]);
  for (const l of t.directed_by)
    if (!anyLeader && !refs.leaders.has(l))
      problems.push(['directed_by', 'unknown-leader', `directed_by ${quote(l)} is not a leader id in leaders`]);
  if (t.lead_units.length === 0 && !failed.has('lead_units'))
    problems.push(['lead_units', 'invalid-value', 'lead_units is empty; at least one lead unit is required']);
  for (const u of t.lead_units)
    if (!anyUnit && !refs.units.has(u))
      problems.push(['lead_units', 'unknown-unit', `lead_units ${quote(u)} is not a unit id in units`]);
  if (!supportAll)
    for (const u of t.support_units)
      if (!anyUnit && !refs.units.has(u))
        problems.push([
          'support_units',
          'unknown-unit',
          `support_units ${quote(u)} is not a unit id in units (or * for every unit)`,
        ]);
  if (due && !due.ok) problems.push(['due', 'invalid-due', `due ${quote(t.due)}: ${due.message}`]);
  return problems;
}

/** Loads progress rows; `tasks` (each declared task id, mapped to itself) is undefined when the tasks table could not be read (task ids then go unchecked). */
function loadProgress(
  ctx: LoadContext,
  base: string,
  planId: string,
  tasks: Map<string, string> | undefined,
  refs: PlanRefs,
): Report[] {
  const table = ctx.readTable(base, 'progress', false);
  if (!table) return [];
  const reports: Report[] = [];
  const at = fieldPositions(table.columns, PROGRESS_FIELDS);
  const anyUnit = refs.unreadable.has('units');
  for (const row of table.rows) {
    const fast = row.fields ? readProgressFields(row.fields, at, table.plainText) : readProgressRow(row.cells);
    const read = fast ? { value: fast, failed: NO_FIELDS } : ctx.parseRowPartly(ProgressSchema, row, table.file);
    const p = read.value;
    // The ids as the tasks and units tables hold them rather than each row's own copy: the build keeps 120,000 reports.
    const taskId = p.task_id === undefined ? undefined : tasks ? tasks.get(p.task_id) : p.task_id;
    const unitId = p.reported_by
      ? (refs.units.get(p.reported_by)?.id ?? (anyUnit ? p.reported_by : undefined))
      : undefined;
    const knownTask = taskId !== undefined || read.failed.has('task_id');
    const problems = checkReport(p, knownTask, !p.reported_by || unitId !== undefined, refs.asOf);
    if (problems.length > 0) {
      const origin: RowOrigin = originOf(table.file, row);
      for (const [field, code, message] of problems) ctx.issues.push(errorAt(origin, code, message, field));
    }
    if (read.failed.size > 0 || problems.length > 0) continue;
    reports.push({
      planId,
      taskId: taskId!,
      asOf: p.as_of!,
      status: p.status!,
      percent: p.percent ?? (p.status === 'done' ? 100 : undefined),
      completedOn: p.status === 'done' ? (p.completed_on ?? p.as_of) : p.completed_on,
      note: p.note ?? '',
      reportedBy: unitId,
    });
  }
  return reports;
}

type Problem = [field: string, code: string, message: string];

function checkReport(
  p: Partial<ProgressInput>,
  knownTask: boolean,
  knownUnit: boolean,
  siteAsOf: IsoDate | undefined,
): Problem[] {
  const problems: Problem[] = [];
  const asOf = p.as_of;
  if (!knownTask)
    problems.push([
      'task_id',
      'unknown-task',
      `task_id ${quote(p.task_id ?? '')} is not a task id in this plan's tasks`,
    ]);
  if (siteAsOf && asOf && asOf > siteAsOf)
    problems.push(['as_of', 'future-report', `as_of ${quote(asOf)} is after the site's as-of date ${siteAsOf}`]);
  if (p.completed_on && asOf && p.completed_on > asOf)
    problems.push([
      'completed_on',
      'completed-after-report',
      `completed_on ${quote(p.completed_on)} is after the report's as_of ${asOf}`,
    ]);
  if (p.status === 'done' && p.percent !== undefined && p.percent < 100)
    problems.push([
      'percent',
      'done-below-100',
      `percent ${quote(String(p.percent))} is below 100 for a row whose status is done`,
    ]);
  if (!knownUnit)
    problems.push([
      'reported_by',
      'unknown-unit',
      `reported_by ${quote(p.reported_by ?? '')} is not a unit id in units`,
    ]);
  return problems;
}
