/** Loading one plan folder: plan.json, tasks and progress, checked against each other and the units and leaders. */
import type { IsoDate } from './dates';
import { parseDue, type DueResult } from './due';
import type { TableRow } from './csv';
import type { Leader, Plan, Report, Section, Task, Unit } from './model';
import { errorAt, quote, type RowOrigin } from './problems';
import { PROGRESS_FIELDS, readProgressFields, readProgressRow } from './progress-row';
import { fieldPositions } from './row-cells';
import { readTaskFields, readTaskRow, TASK_FIELDS } from './task-row';
import {
  PlanSchema,
  ProgressSchema,
  SLUG,
  SectionSchema,
  TaskSchema,
  type ProgressInput,
  type TaskInput,
} from './schema';
import { type LoadContext, originOf, where } from './load-context';

/** The units and leaders a plan may refer to, and the site's as-of date. */
export interface PlanRefs {
  units: Map<string, Unit>;
  leaders: Map<string, Leader>;
  asOf: IsoDate | undefined;
  /** Tables that could not be read: references to them go unchecked rather than flooding the report with follow-on errors. */
  unreadable: ReadonlySet<'units' | 'leaders'>;
}

/** Loads a plan folder; undefined when plan.json cannot be read (its problems are recorded). */
export function loadPlan(ctx: LoadContext, dir: string, id: string, refs: PlanRefs): Plan | undefined {
  if (!SLUG.test(id)) {
    ctx.issues.push(
      errorAt(
        { file: dir },
        'invalid-id',
        `folder name ${quote(id)} is not a valid plan id (expected lowercase letters, digits and "-", like "2024-vp")`,
      ),
    );
    return undefined;
  }
  const head = loadPlanJson(ctx, `${dir}/plan.json`);
  if (!head) {
    ctx.readTable(`${dir}/tasks`, 'tasks');
    ctx.readTable(`${dir}/progress`, 'progress');
    return undefined;
  }
  const loaded = loadTasks(ctx, `${dir}/tasks`, id, head, refs);
  const reports = loadProgress(ctx, `${dir}/progress`, id, loaded?.declared, refs);
  return { ...head, id, tasks: loaded?.tasks ?? [], reports };
}

type PlanHead = Omit<Plan, 'id' | 'tasks' | 'reports'>;

function loadPlanJson(ctx: LoadContext, file: string): PlanHead | undefined {
  const p = ctx.readJsonFile(file, PlanSchema, '{"year", "title", "sections": [...]}');
  if (!p) return undefined;
  return {
    year: p.year,
    endYear: p.end_year,
    title: p.title,
    number: p.number,
    issuedOn: p.issued_on,
    basis: p.basis,
    summary: p.summary,
    sections: loadSections(ctx, file, p.sections),
  };
}

function loadSections(ctx: LoadContext, file: string, raw: unknown[]): Section[] {
  const sections: Section[] = [];
  const seen = new Map<string, string>();
  raw.forEach((item, i) => {
    const row: TableRow = { cells: (item ?? {}) as Record<string, unknown>, jsonPath: `sections[${i}]` };
    const s = ctx.parseRow(SectionSchema, row, file);
    if (!s) return;
    if (seen.has(s.id)) {
      ctx.issues.push(
        errorAt(
          { file, jsonPath: `sections[${i}].id` },
          'duplicate-id',
          `id ${quote(s.id)} is used twice (first at ${seen.get(s.id)})`,
          'id',
        ),
      );
      return;
    }
    seen.set(s.id, `sections[${i}]`);
    sections.push({ id: s.id, title: s.title, parent: s.parent, summary: s.summary });
  });
  sections.forEach((s) => {
    if (s.parent !== undefined && !seen.has(s.parent)) {
      ctx.issues.push(
        errorAt(
          { file, jsonPath: `${seen.get(s.id)}.parent` },
          'unknown-section',
          `parent ${quote(s.parent)} is not a section of this plan`,
          'parent',
        ),
      );
    }
  });
  return sections;
}

/** The valid tasks, and every task id the file declares (so reports on a task with other errors are not flagged too). */
function loadTasks(
  ctx: LoadContext,
  base: string,
  planId: string,
  head: PlanHead,
  refs: PlanRefs,
): { tasks: Task[]; declared: Map<string, string> } | undefined {
  const table = ctx.readTable(base, 'tasks');
  if (!table) return undefined;
  const sectionIds = new Set(head.sections.map((s) => s.id));
  const allUnits = [...refs.units.keys()];
  const tasks: Task[] = [];
  const seen = new Map<string, TableRow>();
  const at = fieldPositions(table.columns, TASK_FIELDS);
  for (const row of table.rows) {
    const t =
      (row.fields ? readTaskFields(row.fields, at, table.plainText) : readTaskRow(row.cells)) ??
      ctx.parseRow(TaskSchema, row, table.file);
    if (!t) continue;
    const supportAll = t.support_units.length === 1 && t.support_units[0] === '*';
    // A recurring task of a plan over several years runs to the end of its last year.
    const due = parseDue(t.due, head.endYear ?? head.year);
    const problems = checkTask(t, supportAll, due, seen, sectionIds, refs);
    if (problems.length > 0) {
      const origin = originOf(table.file, row);
      for (const [field, code, message] of problems) ctx.issues.push(errorAt(origin, code, message, field));
    }
    if (!seen.has(t.id)) seen.set(t.id, row);
    if (problems.length > 0 || !due.ok) continue;
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

// A function of its own rather than closures inside the row loop: loading checks 10,000 task rows.
function checkTask(
  t: TaskInput,
  supportAll: boolean,
  due: DueResult,
  seen: Map<string, TableRow>,
  sectionIds: Set<string>,
  refs: PlanRefs,
): Problem[] {
  const problems: Problem[] = [];
  const anyUnit = refs.unreadable.has('units');
  const anyLeader = refs.unreadable.has('leaders');
  if (seen.has(t.id))
    problems.push(['id', 'duplicate-id', `id ${quote(t.id)} is used twice (first at ${where(seen.get(t.id)!)})`]);
  if (!sectionIds.has(t.section))
    problems.push([
      'section',
      'unknown-section',
      `section ${quote(t.section)} is not a section of plan.json (known: ${[...sectionIds].join(', ')})`,
    ]);
  for (const l of t.directed_by)
    if (!anyLeader && !refs.leaders.has(l))
      problems.push(['directed_by', 'unknown-leader', `directed_by ${quote(l)} is not a leader id in leaders`]);
  if (t.lead_units.length === 0)
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
  if (!due.ok) problems.push(['due', 'invalid-due', `due ${quote(t.due)}: ${due.message}`]);
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
    const p =
      (row.fields ? readProgressFields(row.fields, at, table.plainText) : readProgressRow(row.cells)) ??
      ctx.parseRow(ProgressSchema, row, table.file);
    if (!p) continue;
    // The ids as the tasks and units tables hold them rather than each row's own copy: the build keeps 120,000 reports.
    const taskId = tasks ? tasks.get(p.task_id) : p.task_id;
    const unitId = p.reported_by
      ? (refs.units.get(p.reported_by)?.id ?? (anyUnit ? p.reported_by : undefined))
      : undefined;
    const problems = checkReport(p, taskId !== undefined, !p.reported_by || unitId !== undefined, refs.asOf);
    if (problems.length > 0) {
      const origin: RowOrigin = originOf(table.file, row);
      for (const [field, code, message] of problems) ctx.issues.push(errorAt(origin, code, message, field));
      continue;
    }
    reports.push({
      planId,
      taskId: taskId!,
      asOf: p.as_of!,
      status: p.status,
      percent: p.percent ?? (p.status === 'done' ? 100 : undefined),
      completedOn: p.status === 'done' ? (p.completed_on ?? p.as_of) : p.completed_on,
      note: p.note,
      reportedBy: unitId,
    });
  }
  return reports;
}

type Problem = [field: string, code: string, message: string];

function checkReport(
  p: ProgressInput,
  knownTask: boolean,
  knownUnit: boolean,
  siteAsOf: IsoDate | undefined,
): Problem[] {
  const problems: Problem[] = [];
  const asOf = p.as_of!;
  if (!knownTask)
    problems.push(['task_id', 'unknown-task', `task_id ${quote(p.task_id)} is not a task id in this plan's tasks`]);
  if (siteAsOf && asOf > siteAsOf)
    problems.push(['as_of', 'future-report', `as_of ${quote(asOf)} is after the site's as-of date ${siteAsOf}`]);
  if (p.completed_on && p.completed_on > asOf)
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
    problems.push(['reported_by', 'unknown-unit', `reported_by ${quote(p.reported_by)} is not a unit id in units`]);
  return problems;
}
