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

/** A plan with its reports grouped by task and put in date order once, so that it can be judged at many dates. */
export interface PlanHistory {
  plan: Plan;
  /** The plan's tasks in the order they are judged and listed. */
  tasks: readonly Task[];
  /** Every report of each task, oldest first (reports of the same day keep file order). */
  byTask: Map<string, Report[]>;
}

/** Groups a plan's reports by task in date order, for judging it at one date or many. */
export function indexPlan(plan: Plan, tasks: readonly Task[] = plan.tasks): PlanHistory {
  return { plan, tasks, byTask: groupReports(plan.reports) };
}

/**
 * Judges every task of a plan at a date with the reports dated on or before it: the one rule behind today's
 * judgement (at the as-of date) and every reporting period's (at its cut-off).
 */
export function judgePlanAt(history: PlanHistory, date: IsoDate): PlanState {
  const tasks = history.tasks.map((task) => judgeTaskAt(task, history.byTask.get(task.id) ?? [], date));
  return { plan: history.plan, asOf: date, tasks };
}

/** Judges every task of a plan at asOf. */
export function evaluatePlan(plan: Plan, asOf: IsoDate): PlanState {
  return judgePlanAt(indexPlan(plan), asOf);
}

/** A task judged at a date, from all its reports in date order (those after the date are left out). */
function judgeTaskAt(task: Task, allReports: readonly Report[], asOf: IsoDate): TaskState {
  const reports = allReports.slice(0, countOnOrBefore(allReports, asOf));
  const result = deriveStatus(task.due.final, reports, asOf);
  const newestFirst = reports.reverse();
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

/** How many of the reports (in date order) are dated on or before the date. */
function countOnOrBefore(reports: readonly Report[], date: IsoDate): number {
  let low = 0;
  let high = reports.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (reports[mid]!.asOf <= date) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Reports grouped by task, oldest first (ties keep file order). */
function groupReports(reports: readonly Report[]): Map<string, Report[]> {
  const sorted = reports
    .map((r, i) => ({ r, i }))
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
