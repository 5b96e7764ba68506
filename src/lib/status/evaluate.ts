/** Judging plans at an as-of date: each task with its derived status, reports and latest figures. */
import type { IsoDate } from '../dates';
import type { Plan, Report, Task } from '../data/model';
import { DERIVED_STATUSES, deriveStatus, type DerivedStatus, type StatusResult } from './status';

/** A task judged at an as-of date. */
export interface TaskState {
  task: Task;
  result: StatusResult<Report>;
  status: DerivedStatus;
  /** Reports on or before the as-of date, newest first. */
  reports: Report[];
  /** The latest reported percent, if any report gave one. */
  percent: number | undefined;
  /** The date of the latest report, if any. */
  lastReport: IsoDate | undefined;
}

/** A plan judged at an as-of date. */
export interface PlanState {
  plan: Plan;
  asOf: IsoDate;
  tasks: TaskState[];
}

/** Counts of tasks per derived status. */
export type StatusCounts = Record<DerivedStatus, number>;

/** Judges every task of a plan at asOf. */
export function evaluatePlan(plan: Plan, asOf: IsoDate): PlanState {
  const byTask = groupReports(plan.reports, asOf);
  const tasks = plan.tasks.map((task) => evaluateTask(task, byTask.get(task.id) ?? [], asOf));
  return { plan, asOf, tasks };
}

function evaluateTask(task: Task, reports: Report[], asOf: IsoDate): TaskState {
  const result = deriveStatus(task.due.final, reports, asOf);
  const newestFirst = [...reports].reverse();
  const withPercent = newestFirst.find((r) => r.percent !== undefined);
  return {
    task,
    result,
    status: result.status,
    reports: newestFirst,
    percent: withPercent?.percent,
    lastReport: result.latest?.asOf,
  };
}

/** Reports dated on or before asOf, grouped by task, oldest first (ties keep file order). */
function groupReports(reports: readonly Report[], asOf: IsoDate): Map<string, Report[]> {
  const sorted = reports
    .map((r, i) => ({ r, i }))
    .filter(({ r }) => r.asOf <= asOf)
    .sort((a, b) => (a.r.asOf < b.r.asOf ? -1 : a.r.asOf > b.r.asOf ? 1 : a.i - b.i));
  const byTask = new Map<string, Report[]>();
  for (const { r } of sorted) {
    const list = byTask.get(r.taskId);
    if (list) list.push(r);
    else byTask.set(r.taskId, [r]);
  }
  return byTask;
}

/** A zero count for every derived status. */
export function emptyCounts(): StatusCounts {
  return Object.fromEntries(DERIVED_STATUSES.map((s) => [s, 0])) as StatusCounts;
}

/** Counts tasks per derived status. */
export function countByStatus(tasks: readonly TaskState[]): StatusCounts {
  const counts = emptyCounts();
  for (const t of tasks) counts[t.status]++;
  return counts;
}

/** Counts tasks per derived status for each key a task belongs to (a task may count under several keys). */
export function countByKey(
  tasks: readonly TaskState[],
  keysOf: (t: TaskState) => readonly string[],
): Map<string, StatusCounts> {
  const out = new Map<string, StatusCounts>();
  for (const t of tasks) {
    for (const key of keysOf(t)) {
      let counts = out.get(key);
      if (!counts) out.set(key, (counts = emptyCounts()));
      counts[t.status]++;
    }
  }
  return out;
}

/** The number of tasks in a count. */
export function totalOf(counts: StatusCounts): number {
  return DERIVED_STATUSES.reduce((n, s) => n + counts[s], 0);
}
