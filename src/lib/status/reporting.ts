/** Who reported what: attributing progress reports to units, each unit's reports, and units that went quiet. */
import { daysBetween, type IsoDate } from '../dates';
import { isDone } from './deadlines';
import type { TaskState } from './evaluate';
import type { Report, Task, Unit } from '../data/model';
import { compareVi } from '../text';

/** A report together with the task it is about. */
export interface UnitReport {
  report: Report;
  task: Task;
}

/** A unit that leads unfinished work but has not reported within the window. */
export interface StaleUnit {
  unit: Unit;
  /** The date of its latest report, or undefined when it never reported. */
  lastReport: IsoDate | undefined;
  /** Days from that report to the as-of date. */
  daysSince: number | undefined;
  /** How many unfinished tasks it leads. */
  openTasks: number;
}

/** The units a report speaks for: its reported_by, or, when that is empty, the task's lead units. */
export function reportingUnits(report: Report, task: Task): readonly string[] {
  return report.reportedBy ? [report.reportedBy] : task.leadUnits;
}

/** Every report a unit made on these tasks, newest first (same-day reports keep task order). */
export function reportsOfUnit(unitId: string, tasks: readonly TaskState[]): UnitReport[] {
  const out: UnitReport[] = [];
  for (const t of tasks) {
    for (const report of t.reports) {
      if (reportingUnits(report, t.task).includes(unitId)) out.push({ report, task: t.task });
    }
  }
  return out.sort((a, b) => (a.report.asOf > b.report.asOf ? -1 : a.report.asOf < b.report.asOf ? 1 : 0));
}

/** reportsOfUnit for every unit at once, in one pass over the reports: a map from unit id to its reports, newest first. */
export function reportsByUnit(tasks: readonly TaskState[]): Map<string, UnitReport[]> {
  const byUnit = new Map<string, UnitReport[]>();
  for (const t of tasks) {
    for (const report of t.reports) {
      const units = reportingUnits(report, t.task);
      // A unit named twice (lead_units "a;a") gets the report once, as in reportsOfUnit.
      for (const [i, unit] of units.entries()) {
        if (units.indexOf(unit) !== i) continue;
        let list = byUnit.get(unit);
        if (!list) byUnit.set(unit, (list = []));
        list.push({ report, task: t.task });
      }
    }
  }
  for (const list of byUnit.values())
    list.sort((a, b) => (a.report.asOf > b.report.asOf ? -1 : a.report.asOf < b.report.asOf ? 1 : 0));
  return byUnit;
}

/** The latest report date of every unit that reported on these tasks. */
export function lastReportByUnit(tasks: readonly TaskState[]): Map<string, IsoDate> {
  const last = new Map<string, IsoDate>();
  for (const t of tasks) {
    for (const report of t.reports) {
      for (const unit of reportingUnits(report, t.task)) {
        const seen = last.get(unit);
        if (!seen || report.asOf > seen) last.set(unit, report.asOf);
      }
    }
  }
  return last;
}

/**
 * Units that lead at least one unfinished task and whose latest report is more than `days` days before asOf
 * (or that never reported): those that never reported first, then the longest silent, then by name.
 */
export function findStaleUnits(
  units: readonly Unit[],
  tasks: readonly TaskState[],
  asOf: IsoDate,
  days: number,
): StaleUnit[] {
  const last = lastReportByUnit(tasks);
  const out: StaleUnit[] = [];
  for (const unit of units) {
    const openTasks = tasks.filter((t) => !isDone(t) && t.task.leadUnits.includes(unit.id)).length;
    if (openTasks === 0) continue;
    const lastReport = last.get(unit.id);
    const daysSince = lastReport === undefined ? undefined : daysBetween(lastReport, asOf);
    if (daysSince !== undefined && daysSince <= days) continue;
    out.push({ unit, lastReport, daysSince, openTasks });
  }
  return out.sort(
    (a, b) => (b.daysSince ?? Infinity) - (a.daysSince ?? Infinity) || compareVi(a.unit.name, b.unit.name),
  );
}

/** The newest report on a task that has a note, if any (a later report may leave the note empty). */
export function latestNotedReport(state: TaskState): Report | undefined {
  return state.reports.find((r) => r.note.trim() !== '');
}
