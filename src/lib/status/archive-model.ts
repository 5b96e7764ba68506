/** Archived plans as pages see them: judged at the frozen as-of date, with the year's own units and leaders. */
import type { ArchivedYear } from '../data/load-archive';
import type { IsoDate } from '../dates';
import { countByStatus, indexPlan, judgePlanAt, type PlanHistory, type PlanState, type StatusCounts } from './evaluate';
import type { Leader, Plan, Unit } from '../data/model';
import { yearsLabel } from '../data/plan-years';
import { compareIds } from '../text';

/** An archived year, judged. */
export interface ArchiveState {
  year: number;
  /** The frozen as-of date. */
  asOf: IsoDate;
  /** When the snapshot was taken (ISO 8601). */
  snapshotAt: string;
  /** The year's plans judged at asOf, in id order, tasks in numbering order. */
  plans: PlanState[];
  /** Plans over several years frozen at the year's end while they go on (their pages are the live plan's), judged at asOf. */
  continuing: PlanState[];
  /** The units as they were when the year was archived. */
  units: Map<string, Unit>;
  /** The leaders as they were when the year was archived. */
  leaders: Map<string, Leader>;
}

/** Judges plans at asOf: newest year first then by id, each plan's tasks in numbering order. */
export function judgePlans(plans: readonly Plan[], asOf: IsoDate): PlanState[] {
  return indexPlans(plans).map((history) => judgePlanAt(history, asOf));
}

/** Plans ready to be judged at any date (judgePlanAt), in the order judgePlans lists them: newest year first then by id, tasks in numbering order. */
export function indexPlans(plans: readonly Plan[]): PlanHistory[] {
  return [...plans]
    .sort((a, b) => b.year - a.year || a.id.localeCompare(b.id))
    .map((plan) =>
      indexPlan(
        plan,
        [...plan.tasks].sort((a, b) => compareIds(a.id, b.id)),
      ),
    );
}

/** Judges an archived year at its frozen as-of date. */
export function judgeArchive(archive: ArchivedYear): ArchiveState {
  const { dataset } = archive;
  return {
    year: archive.year,
    asOf: archive.asOf,
    snapshotAt: archive.snapshotAt,
    plans: judgePlans(dataset.plans, archive.asOf),
    continuing: judgePlans(dataset.continuing ?? [], archive.asOf),
    units: new Map(dataset.units.map((u) => [u.id, u])),
    leaders: new Map(dataset.leaders.map((l) => [l.id, l])),
  };
}

/** Archived years, newest first. */
export function judgeArchives(archives: readonly ArchivedYear[]): ArchiveState[] {
  return archives.map(judgeArchive).sort((a, b) => b.year - a.year);
}

/** What the /archive/ and /updates/ pages need of an archived year; kept beside the year's cached pages so a build that copies those pages need not read the year's data. */
export interface ArchiveSummary {
  year: number;
  asOf: IsoDate;
  snapshotAt: string;
  /** The year's plans in id order with their final status totals and task ids. */
  plans: ArchivedPlanSummary[];
  /** The year's totals. */
  counts: StatusCounts;
  /** The year's units' short names by id, as they were. */
  unitShortNames: Record<string, string>;
}

/** One line of the /archive/ page: a plan and its final status totals. */
export interface ArchivedPlanSummary {
  id: string;
  title: string;
  counts: StatusCounts;
  taskIds: string[];
  /** The plan's years when it runs over several ("2025–2030"). */
  years?: string | undefined;
  /** A plan over several years frozen at this year's end while it goes on: its pages are not this year's. */
  continuing?: boolean | undefined;
}

/** The plans of an archived year with their final status totals, and the year's totals. */
export function summarizeArchive(archive: ArchiveState): ArchiveSummary {
  return {
    year: archive.year,
    asOf: archive.asOf,
    snapshotAt: archive.snapshotAt,
    plans: [
      ...archive.plans.map((state) => summarizePlan(state, false)),
      ...archive.continuing.map((state) => summarizePlan(state, true)),
    ],
    counts: countByStatus([...archive.plans, ...archive.continuing].flatMap((p) => p.tasks)),
    unitShortNames: Object.fromEntries([...archive.units.values()].map((u) => [u.id, u.shortName])),
  };
}

function summarizePlan(state: PlanState, continuing: boolean): ArchivedPlanSummary {
  const several = state.plan.endYear !== undefined && state.plan.endYear !== state.plan.year;
  return {
    id: state.plan.id,
    title: state.plan.title,
    counts: countByStatus(state.tasks),
    // A continuing plan's tasks have their pages with the live plan: only a plan of this year's own lists them.
    taskIds: continuing ? [] : state.tasks.map((t) => t.task.id),
    ...(several ? { years: yearsLabel(state.plan) } : {}),
    ...(continuing ? { continuing: true } : {}),
  };
}

/** Archive summaries newest year first, one per year (the first given wins). */
export function mergeArchiveSummaries(...lists: (readonly ArchiveSummary[])[]): ArchiveSummary[] {
  const byYear = new Map<number, ArchiveSummary>();
  for (const summary of lists.flat()) if (!byYear.has(summary.year)) byYear.set(summary.year, summary);
  return [...byYear.values()].sort((a, b) => b.year - a.year);
}

/** Total tasks of a summarised plan or year. */
export function countTasks(counts: StatusCounts): number {
  return Object.values(counts).reduce((sum, n) => sum + n, 0);
}
