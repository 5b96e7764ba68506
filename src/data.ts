/** The one place the site reads data/: loads and validates once per build, judges every plan, and fails with every problem. */
import { readFileSync } from 'node:fs';
import { judgeArchives, judgePlans, type ArchiveState } from './lib/archive-model';
import type { PlanState, TaskState } from './lib/evaluate';
import type { Dataset, Leader, Unit } from './lib/model';
import { DataError, hasErrors } from './lib/problems';
import { reportsByUnit, type UnitReport } from './lib/reporting';
import { parseChangesFile, type ChangesFile } from './lib/updates';
import { loadSiteFromDisk } from './node/load-site';

/** Everything the pages need, loaded once. */
export interface SiteData {
  dataset: Dataset;
  /** Every live plan judged at the site's as-of date, in year then id order (newest year first); archived plans are not here. */
  plans: PlanState[];
  /** Every task of every live plan. */
  tasks: TaskState[];
  units: Map<string, Unit>;
  leaders: Map<string, Leader>;
  /** Archived years (newest first), each judged at its frozen as-of date with its own units and leaders. */
  archives: ArchiveState[];
}

let cached: SiteData | undefined;

/** Loads, validates and judges the data (memoised); throws a DataError listing every problem. */
export function getSiteData(): SiteData {
  if (cached) return cached;
  const { dataset, archives, issues } = loadSiteFromDisk();
  if (!dataset || hasErrors(issues)) throw new DataError(issues);
  const plans = judgePlans(dataset.plans, dataset.site.asOf);
  cached = {
    dataset,
    plans,
    tasks: plans.flatMap((p) => p.tasks),
    units: new Map(dataset.units.map((u) => [u.id, u])),
    leaders: new Map(dataset.leaders.map((l) => [l.id, l])),
    archives: judgeArchives(archives),
  };
  return cached;
}

/** Every plan with pages: the live ones, then the archived ones (newest year first). */
export function getAllPlans(): PlanState[] {
  return livePlusArchived(() => true);
}

/** The live plans, then the plans of the archived years kept. */
function livePlusArchived(keepYear: (archive: ArchiveState) => boolean): PlanState[] {
  const data = getSiteData();
  return [...data.plans, ...data.archives.filter(keepYear).flatMap((a) => a.plans)];
}

/** Archived years whose pages the build copies from its cache ($PLAN_SKIP_ARCHIVED_YEARS, e.g. `2022,2023`, set by src/node/build-site.ts). */
export function skippedArchivedYears(): Set<number> {
  const list = process.env.PLAN_SKIP_ARCHIVED_YEARS ?? '';
  return new Set(list.split(',').filter((y) => y.trim() !== '').map(Number));
}

/** The plans whose pages and exports Astro renders (getStaticPaths): every plan but those of archived years served from the build's cache. */
export function getRenderedPlans(): PlanState[] {
  const skipped = skippedArchivedYears();
  return livePlusArchived((a) => !skipped.has(a.year));
}

let planById: Map<string, PlanState> | undefined;

/** The judged plan with this id, live or archived (looked up once per build, not per page). */
export function getPlan(id: string): PlanState {
  planById ??= new Map(getAllPlans().map((p) => [p.plan.id, p]));
  const plan = planById.get(id);
  if (!plan) throw new Error(`no plan ${id}`);
  return plan;
}

let archiveByPlan: Map<string, ArchiveState> | undefined;

/** The archived year a plan belongs to, or undefined for a live plan. */
export function getArchiveOf(planId: string): ArchiveState | undefined {
  archiveByPlan ??= new Map(getSiteData().archives.flatMap((a) => a.plans.map((p) => [p.plan.id, a] as const)));
  return archiveByPlan.get(planId);
}

/** The units and leaders a plan's pages name: the archived year's own for an archived plan, the live ones otherwise. */
export function namesFor(planId?: string): { units: Map<string, Unit>; leaders: Map<string, Leader>; archived: boolean } {
  const archive = planId === undefined ? undefined : getArchiveOf(planId);
  if (archive) return { units: archive.units, leaders: archive.leaders, archived: true };
  const { units, leaders } = getSiteData();
  return { units, leaders, archived: false };
}

/** A unit's live work: tasks it leads, tasks it supports without leading (both in plan order), its reports newest first. */
export interface UnitWork {
  led: TaskState[];
  supported: TaskState[];
  reports: UnitReport[];
}

let workByUnit: Map<string, UnitWork> | undefined;

/** A unit's live tasks and reports, indexed once for all units (a scan of every task per unit page is slow at province scale). */
export function getUnitWork(unitId: string): UnitWork {
  workByUnit ??= indexUnitWork(getSiteData().tasks);
  return workByUnit.get(unitId) ?? { led: [], supported: [], reports: [] };
}

function indexUnitWork(tasks: readonly TaskState[]): Map<string, UnitWork> {
  const byUnit = new Map<string, UnitWork>();
  const of = (unit: string) => byUnit.get(unit) ?? byUnit.set(unit, { led: [], supported: [], reports: [] }).get(unit)!;
  for (const t of tasks) {
    const lead = new Set(t.task.leadUnits);
    for (const unit of lead) of(unit).led.push(t);
    for (const unit of new Set(t.task.supportUnits)) if (!lead.has(unit)) of(unit).supported.push(t);
  }
  for (const [unit, reports] of reportsByUnit(tasks)) of(unit).reports = reports;
  return byUnit;
}

let updates: ChangesFile | undefined;

/** The release history for /updates/: from the file $PLAN_UPDATES_FILE names (written by npm run publish), or empty. */
export function getUpdates(): ChangesFile {
  if (updates) return updates;
  const file = process.env.PLAN_UPDATES_FILE;
  updates = file ? parseChangesFile(readFileSync(file, 'utf8')) : { format: 1, history: [], report_digests: [] };
  return updates;
}
