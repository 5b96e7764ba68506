/**
 * What a reporting period says: the plans judged at its cut-off and at the previous period's, what changed between
 * the two, who did not report, and what falls due next. The view model of /reports/<period>/ and of the Word report.
 */
import { sectionStatusRows, type StatusRow } from './breakdown';
import { daysBetween, type IsoDate } from '../dates';
import { isDone } from './deadlines';
import type { Milestone } from '../data/due';
import {
  countByKey,
  countByStatus,
  judgePlanAt,
  totalOf,
  type PlanHistory,
  type PlanState,
  type StatusCounts,
  type TaskState,
} from './evaluate';
import type { Unit } from '../data/model';
import { cutoffOf, hasEnded, previousPeriod, windowAhead, type Period } from '../data/periods';
import { reportingUnits } from './reporting';
import { compareIds, compareVi } from '../text';

/**
 * A plan as it stood at a period's cut-off: judged by judgePlanAt, the rule of today's judgement, at the period's last
 * day, or at asOf while the period runs (so the period holding asOf gives today's judgement).
 */
export function judgePeriod(history: PlanHistory, period: Period, asOf: IsoDate): PlanState {
  return judgePlanAt(history, cutoffOf(period, asOf));
}

/** An overdue task at the cut-off, with how long it has been overdue. */
export interface OverdueAt {
  state: TaskState;
  /** Days from its final deadline to the cut-off. */
  days: number;
}

/** A unit that leads unfinished tasks at the cut-off but sent no report dated within the period. */
export interface SilentUnit {
  unit: Unit;
  /** Unfinished tasks it leads at the cut-off. */
  openTasks: number;
  /** Its latest report before the period, if any. */
  lastReport: IsoDate | undefined;
}

/** An unfinished task with a milestone in the time ahead (up to the end of the next period of the same kind). */
export interface DueAhead {
  state: TaskState;
  milestone: Milestone;
  isFinal: boolean;
}

/** One plan in a period. */
export interface PlanPeriod {
  /** The plan judged at the period's cut-off. */
  state: PlanState;
  counts: StatusCounts;
  /** Counts at the previous period's cut-off. */
  previousCounts: StatusCounts;
  /** Done at the cut-off, not done at the previous cut-off (in numbering order). */
  newlyDone: TaskState[];
  /** Overdue at the cut-off, not overdue at the previous cut-off (longest overdue first). */
  newlyOverdue: OverdueAt[];
  /** Overdue at both cut-offs (longest overdue first). */
  stillOverdue: OverdueAt[];
  silentUnits: SilentUnit[];
  sections: StatusRow[];
  units: StatusRow[];
  dueAhead: DueAhead[];
}

/** A reporting period over every plan of its year. */
export interface PeriodReport {
  period: Period;
  /** The date it is judged at: its last day, or the as-of date while it runs. */
  cutoff: IsoDate;
  ended: boolean;
  previous: Period;
  previousCutoff: IsoDate;
  /** The time the report looks ahead to (section III). */
  ahead: { from: IsoDate; to: IsoDate };
  plans: PlanPeriod[];
  counts: StatusCounts;
  previousCounts: StatusCounts;
  /** Units silent in the period across every plan (a unit's open tasks summed). */
  silentUnits: SilentUnit[];
  /** Per-unit counts across every plan. */
  units: StatusRow[];
}

/** What a period report is built from: the year's plans judged at the two cut-offs (same plans, same order), the units. */
export interface PeriodInput {
  period: Period;
  asOf: IsoDate;
  /** The plans at the period's cut-off. */
  at: readonly PlanState[];
  /** The same plans at the previous period's cut-off. */
  before: readonly PlanState[];
  units: readonly Unit[];
}

/** Builds the report of a period from the plans judged at its cut-off and at the previous one. */
export function buildPeriodReport(input: PeriodInput): PeriodReport {
  const { period, asOf, units } = input;
  const previous = previousPeriod(period);
  const ahead = windowAhead(period, asOf);
  const activity = input.at.map((state) => unitActivity(state.tasks));
  const plans = input.at.map((state, i) =>
    planPeriod(state, input.before[i]!, { period, ahead, units, activity: activity[i]! }),
  );
  const tasks = input.at.flatMap((p) => p.tasks);
  return {
    period,
    cutoff: cutoffOf(period, asOf),
    ended: hasEnded(period, asOf),
    previous,
    previousCutoff: cutoffOf(previous, asOf),
    ahead,
    plans,
    counts: countByStatus(tasks),
    previousCounts: countByStatus(input.before.flatMap((p) => p.tasks)),
    silentUnits: silentOf(units, mergeActivity(activity), period.start),
    units: unitRows(units, tasks),
  };
}

interface PlanContext {
  period: Period;
  ahead: { from: IsoDate; to: IsoDate };
  units: readonly Unit[];
  /** What each unit led and reported in this plan up to the cut-off. */
  activity: Map<string, UnitActivity>;
}

function planPeriod(state: PlanState, before: PlanState, { period, ahead, units, activity }: PlanContext): PlanPeriod {
  const was = new Map(before.tasks.map((t) => [t.task.id, t.status]));
  const overdue = (t: TaskState): OverdueAt => ({ state: t, days: daysBetween(t.task.due.final, state.asOf) });
  const byLongest = (a: OverdueAt, b: OverdueAt) => b.days - a.days || compareIds(a.state.task.id, b.state.task.id);
  const wasDone = (t: TaskState) => ['done_on_time', 'done_late'].includes(was.get(t.task.id) ?? '');
  return {
    state,
    counts: countByStatus(state.tasks),
    previousCounts: countByStatus(before.tasks),
    newlyDone: state.tasks.filter((t) => isDone(t) && !wasDone(t)),
    newlyOverdue: state.tasks
      .filter((t) => t.status === 'overdue' && was.get(t.task.id) !== 'overdue')
      .map(overdue)
      .sort(byLongest),
    stillOverdue: state.tasks
      .filter((t) => t.status === 'overdue' && was.get(t.task.id) === 'overdue')
      .map(overdue)
      .sort(byLongest),
    silentUnits: silentOf(units, activity, period.start),
    sections: sectionStatusRows(state),
    units: unitRows(units, state.tasks),
    dueAhead: findDueAhead(state.tasks, ahead),
  };
}

/** What a unit did up to a cut-off: the unfinished tasks it leads, and the date of its latest report. */
interface UnitActivity {
  open: number;
  last: IsoDate | undefined;
}

function unitActivity(tasks: readonly TaskState[]): Map<string, UnitActivity> {
  const out = new Map<string, UnitActivity>();
  const of = (unit: string) => out.get(unit) ?? out.set(unit, { open: 0, last: undefined }).get(unit)!;
  for (const t of tasks) {
    if (!isDone(t)) for (const unit of new Set(t.task.leadUnits)) of(unit).open++;
    // t.reports holds the reports up to the cut-off, newest first.
    for (const report of t.reports)
      for (const unit of reportingUnits(report, t.task)) {
        const activity = of(unit);
        if (!activity.last || report.asOf > activity.last) activity.last = report.asOf;
      }
  }
  return out;
}

function mergeActivity(maps: readonly Map<string, UnitActivity>[]): Map<string, UnitActivity> {
  const out = new Map<string, UnitActivity>();
  for (const map of maps)
    for (const [unit, { open, last }] of map) {
      const seen = out.get(unit);
      if (!seen) out.set(unit, { open, last });
      else {
        seen.open += open;
        if (last && (!seen.last || last > seen.last)) seen.last = last;
      }
    }
  return out;
}

/**
 * Units that lead at least one task unfinished at the cut-off and made no report dated from the period's first day
 * to the cut-off (a report counts for its reported_by unit, or the task's lead units): most open tasks first.
 */
function silentOf(units: readonly Unit[], activity: Map<string, UnitActivity>, from: IsoDate): SilentUnit[] {
  const out: SilentUnit[] = [];
  for (const unit of units) {
    const { open = 0, last } = activity.get(unit.id) ?? {};
    if (open > 0 && !(last !== undefined && last >= from)) out.push({ unit, openTasks: open, lastReport: last });
  }
  return out.sort((a, b) => b.openTasks - a.openTasks || compareVi(a.unit.name, b.unit.name));
}

/** Per-unit counts of the tasks each unit leads, in the order units are given (unitStatusRows in one pass over the tasks). */
export function unitRows(units: readonly Unit[], tasks: readonly TaskState[]): StatusRow[] {
  const counts = countByKey(tasks, (t) =>
    t.task.leadUnits.length > 1 ? [...new Set(t.task.leadUnits)] : t.task.leadUnits,
  );
  return units.flatMap((unit) => {
    const c = counts.get(unit.id);
    return c ? [{ key: unit.id, label: unit.shortName, title: unit.name, counts: c, total: totalOf(c) }] : [];
  });
}

/** Unfinished tasks whose next milestone after the cut-off falls within the window, soonest first. */
function findDueAhead(tasks: readonly TaskState[], window: { from: IsoDate; to: IsoDate }): DueAhead[] {
  const out: DueAhead[] = [];
  for (const state of tasks) {
    if (isDone(state)) continue;
    const milestones = state.task.due.milestones;
    const index = milestones.findIndex((m) => m.date >= window.from);
    const milestone = milestones[index];
    if (!milestone || milestone.date > window.to) continue;
    out.push({ state, milestone, isFinal: index === milestones.length - 1 });
  }
  return out.sort(
    (a, b) =>
      (a.milestone.date < b.milestone.date ? -1 : a.milestone.date > b.milestone.date ? 1 : 0) ||
      compareIds(a.state.task.id, b.state.task.id),
  );
}

/** The report's title after "BÁO CÁO": "Kết quả thực hiện <plan title>", or "… các kế hoạch năm 2024" for several. */
export function reportTitle(report: PeriodReport): string {
  const [only, ...others] = report.plans;
  return only && others.length === 0
    ? `Kết quả thực hiện ${only.state.plan.title}`
    : `Kết quả thực hiện các kế hoạch năm ${report.period.year}`;
}

/** The date a done task was completed: its latest report's completed_on, else that report's date. */
export function completedOn(t: TaskState): IsoDate {
  return t.result.latest?.completedOn ?? t.result.latest?.asOf ?? t.result.asOf;
}

/** The change of each status count from the previous cut-off: +2, −1, 0. */
export function changeOf(counts: StatusCounts, previous: StatusCounts): StatusCounts {
  const out = { ...counts };
  for (const key of Object.keys(out) as (keyof StatusCounts)[]) out[key] = counts[key] - previous[key];
  return out;
}

/** A change as reports write it: "+2", "−1" (minus sign), "0". */
export function formatChange(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0';
}
