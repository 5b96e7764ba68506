/** Archived plans as pages see them: judged at the frozen as-of date, with the year's own units and leaders. */
import type { ArchivedYear } from './archive';
import type { IsoDate } from './dates';
import { countByStatus, evaluatePlan, type PlanState, type StatusCounts } from './evaluate';
import type { Leader, Plan, Unit } from './model';
import { compareIds } from './text';

/** An archived year, judged. */
export interface ArchiveState {
  year: number;
  /** The frozen as-of date. */
  asOf: IsoDate;
  /** When the snapshot was taken (ISO 8601). */
  snapshotAt: string;
  /** The year's plans judged at asOf, in id order, tasks in numbering order. */
  plans: PlanState[];
  /** The units as they were when the year was archived. */
  units: Map<string, Unit>;
  /** The leaders as they were when the year was archived. */
  leaders: Map<string, Leader>;
}

/** Judges plans at asOf: newest year first then by id, each plan's tasks in numbering order. */
export function judgePlans(plans: readonly Plan[], asOf: IsoDate): PlanState[] {
  const states = [...plans].sort((a, b) => b.year - a.year || a.id.localeCompare(b.id)).map((plan) => evaluatePlan(plan, asOf));
  for (const p of states) p.tasks.sort((a, b) => compareIds(a.task.id, b.task.id));
  return states;
}

/** Judges an archived year at its frozen as-of date. */
export function judgeArchive(archive: ArchivedYear): ArchiveState {
  const { dataset } = archive;
  return {
    year: archive.year,
    asOf: archive.asOf,
    snapshotAt: archive.snapshotAt,
    plans: judgePlans(dataset.plans, archive.asOf),
    units: new Map(dataset.units.map((u) => [u.id, u])),
    leaders: new Map(dataset.leaders.map((l) => [l.id, l])),
  };
}

/** Archived years, newest first. */
export function judgeArchives(archives: readonly ArchivedYear[]): ArchiveState[] {
  return archives.map(judgeArchive).sort((a, b) => b.year - a.year);
}

/** One line of the /archive/ page: a plan and its final status totals. */
export interface ArchivedPlanSummary {
  state: PlanState;
  counts: StatusCounts;
}

/** The plans of an archived year with their final status totals, and the year's totals. */
export function summarizeArchive(archive: ArchiveState): { plans: ArchivedPlanSummary[]; counts: StatusCounts } {
  return {
    plans: archive.plans.map((state) => ({ state, counts: countByStatus(state.tasks) })),
    counts: countByStatus(archive.plans.flatMap((p) => p.tasks)),
  };
}
