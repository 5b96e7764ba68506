/**
 * Which units' forms of the current period have come back, from the reports present: the current period is the month
 * of the site's as-of date; a unit owes a form when it leads a task not done before the month began, and its form
 * has come back when it reported in the month.
 */
import type { IsoDate } from '../dates';
import type { TaskState } from '../status/evaluate';
import type { Unit } from '../data/model';
import { reportingUnits } from '../status/reporting';
import { compareVi } from '../text';
import { periodOf, periodStart, type Period } from './period';

/** One unit's return for the period. */
export interface UnitReturn {
  unit: Unit;
  /** Tasks it leads that were not done before the period began: those its form asks about. */
  owed: number;
  /** Distinct tasks it reported on in the period. */
  reported: number;
  /** Its latest report in the period, if it reported. */
  lastReport: IsoDate | undefined;
}

/** The period and each unit that owes a form or sent reports in it, by name. */
export interface PeriodReturns {
  period: Period;
  units: UnitReturn[];
}

/** The current period's returns, from tasks judged at the site's as-of date (their reports, newest first). */
export function periodReturns(tasks: readonly TaskState[], units: readonly Unit[], asOf: IsoDate): PeriodReturns {
  const period = periodOf(asOf);
  const start = periodStart(period);
  const owed = new Map<string, number>();
  const reported = new Map<string, Set<string>>();
  const last = new Map<string, IsoDate>();
  for (const t of tasks) {
    const before = t.reports.find((r) => r.asOf < start);
    if (before?.status !== 'done') for (const u of new Set(t.task.leadUnits)) owed.set(u, (owed.get(u) ?? 0) + 1);
    for (const r of t.reports) {
      if (r.asOf < start) break;
      for (const u of reportingUnits(r, t.task)) {
        (reported.get(u) ?? reported.set(u, new Set()).get(u)!).add(`${t.task.planId}\u0000${t.task.id}`);
        if (r.asOf > (last.get(u) ?? '')) last.set(u, r.asOf);
      }
    }
  }
  const list = units
    .filter((u) => owed.has(u.id) || reported.has(u.id))
    .map((unit) => ({
      unit,
      owed: owed.get(unit.id) ?? 0,
      reported: reported.get(unit.id)?.size ?? 0,
      lastReport: last.get(unit.id),
    }))
    .sort((a, b) => compareVi(a.unit.name, b.unit.name));
  return { period, units: list };
}
