/** The one place pages get data from: the validated data (src/node/build/page-data.ts) loaded once per process, every plan judged, or a failure with every problem. */
import { readFileSync } from 'node:fs';
import { indexPlans, judgeArchives, type ArchiveState, type ArchiveSummary } from './lib/status/archive-model';
import { judgePlanAt, type PlanHistory, type PlanState, type TaskState } from './lib/status/evaluate';
import type { Dataset, Leader, Site, Unit } from './lib/data/model';
import { reportsByUnit, type UnitReport } from './lib/status/reporting';
import { currentPlans } from './lib/status/current';
import { periodReturns, type PeriodReturns } from './lib/forms/returns';
import {
  listSitePages,
  periodsOutline,
  siteOutline,
  staticPathsOf,
  type SitePage,
  type SiteRoute,
} from './lib/site/site-pages';
import { buildTaskIndex, type TaskIndex } from './lib/site/task-index';
import { parseChangesFile, type ChangesFile } from './lib/status/updates';
import { buildPeriodReport, judgePeriod, type PeriodReport } from './lib/status/period-report';
import {
  cutoffOf,
  makePeriod,
  parsePeriod,
  previousPeriod,
  reportYears,
  type Period,
  type ReportYear,
} from './lib/data/periods';
import { shownYear } from './lib/data/plan-years';
import { loadPageData } from './node/build/page-data';

/** Everything the pages need, loaded once. */
export interface SiteData {
  dataset: Dataset;
  /** Every live plan judged at the site's as-of date, in year then id order (newest year first); archived plans are not here. */
  plans: PlanState[];
  /** Every task of every live plan. */
  tasks: TaskState[];
  units: Map<string, Unit>;
  leaders: Map<string, Leader>;
  /** Archived years whose pages are rendered from this data (newest first), each judged at its frozen as-of date with its own units and leaders. */
  archives: ArchiveState[];
  /** Every archived year (newest first) as the lists of years show it, including years whose pages are not rendered from this data. */
  archiveSummaries: ArchiveSummary[];
  /** The live plans ready to be judged at any date, in the order of `plans`. */
  histories: PlanHistory[];
}

let cached: SiteData | undefined;

/** Loads, validates and judges the data (memoised); throws a DataError listing every problem. */
export function getSiteData(): SiteData {
  if (cached) return cached;
  const { dataset, archives, archiveSummaries } = loadPageData();
  const histories = indexPlans(dataset.plans);
  const plans = histories.map((h) => judgePlanAt(h, dataset.site.asOf));
  cached = {
    dataset,
    histories,
    plans,
    tasks: plans.flatMap((p) => p.tasks),
    units: new Map(dataset.units.map((u) => [u.id, u])),
    leaders: new Map(dataset.leaders.map((l) => [l.id, l])),
    archives: judgeArchives(archives),
    archiveSummaries,
  };
  return cached;
}

/** The site's settings: the title, organisation and as-of date the frame of every page shows. */
export function getSite(): Site {
  return getSiteData().dataset.site;
}

/** Every plan rendered from this data, pages and exports (getStaticPaths): the live ones, then those of the archived years rendered (newest year first). */
function getAllPlans(): PlanState[] {
  const data = getSiteData();
  return [...data.plans, ...data.archives.flatMap((a) => a.plans)];
}

let sitePages: SitePage[] | undefined;

/** Every page rendered from this data (src/lib/site/site-pages.ts): the live site, and the archived years rendered. */
export function getSitePages(): SitePage[] {
  if (!sitePages) {
    const { dataset } = getSiteData();
    const periods = periodsOutline(getReportYears());
    const yearRecords = getSiteData().archives.flatMap((a) =>
      a.continuing.map((p) => ({ plan: p.plan.id, year: a.year })),
    );
    sitePages = listSitePages(siteOutline(getAllPlans(), dataset.units, dataset.leaders, { periods, yearRecords }));
  }
  return sitePages;
}

/** A route's getStaticPaths() entries, from the build's list of pages. */
export function staticPaths(route: SiteRoute): { params: Record<string, string> }[] {
  return staticPathsOf(getSitePages(), route);
}

let taskKeys: Set<string> | undefined;

/** Whether the site has a page for this task: a live task, or one of any archived year (rendered from this data or not). */
export function hasTaskPage(planId: string, taskId: string): boolean {
  if (!taskKeys) {
    // Live plans, then every archived year from its summary (rendered from this data or not, alike).
    const data = getSiteData();
    taskKeys = new Set(data.tasks.map((t) => `${t.task.planId}\u0000${t.task.id}`));
    for (const year of data.archiveSummaries)
      for (const plan of year.plans) for (const id of plan.taskIds) taskKeys.add(`${plan.id}\u0000${id}`);
  }
  return taskKeys.has(`${planId}\u0000${taskId}`);
}

/** A unit's short name as a plan's pages show it: the archived year's own for an archived plan (also one not rendered from this data), the live one otherwise, else the id. */
export function unitShortName(planId: string, unitId: string): string {
  const names = namesFor(planId);
  if (names.archived) return names.units.get(unitId)?.shortName ?? unitId;
  const summarised = getSiteData().archiveSummaries.find((y) => y.plans.some((p) => p.id === planId && !p.continuing));
  if (summarised) return summarised.unitShortNames[unitId] ?? unitId;
  return names.units.get(unitId)?.shortName ?? unitId;
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
export function namesFor(planId?: string): {
  units: Map<string, Unit>;
  leaders: Map<string, Leader>;
  archived: boolean;
} {
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

/** What each live plan asks of a unit (plan.json duties), in the order of the plans. */
export function getUnitDuties(unitId: string): { plan: PlanState['plan']; text: string }[] {
  return getSiteData().plans.flatMap(({ plan }) =>
    (plan.duties ?? []).filter((d) => d.unit === unitId).map((d) => ({ plan, text: d.text })),
  );
}

let taskIndex: TaskIndex | undefined;

/** The view model of /tasks/ and its search file, built once for both (folding every task's text is the costly part). */
export function getTaskIndex(): TaskIndex {
  if (taskIndex) return taskIndex;
  const data = getSiteData();
  const asOf = data.dataset.site.asOf;
  taskIndex = buildTaskIndex(currentPlans(data.plans, asOf), data.units, data.leaders, asOf);
  return taskIndex;
}

let returns: PeriodReturns | undefined;

/** Which units' monthly forms of the current period (the month of the as-of date) have come back, from the live reports. */
export function getPeriodReturns(): PeriodReturns {
  if (returns) return returns;
  const data = getSiteData();
  returns = periodReturns(data.tasks, data.dataset.units, data.dataset.site.asOf);
  return returns;
}

let updates: ChangesFile | undefined;

/** The release history for /updates/: from the file $PLAN_UPDATES_FILE names (written by npm run publish), or empty. */
export function getUpdates(): ChangesFile {
  if (updates) return updates;
  const file = process.env.PLAN_UPDATES_FILE;
  updates = file ? parseChangesFile(readFileSync(file, 'utf8')) : { format: 1, history: [], report_digests: [] };
  return updates;
}

let years: ReportYear[] | undefined;

/** The years /reports/ lists (the live plans, each in the year it is shown in) with their periods, newest first. */
export function getReportYears(): ReportYear[] {
  if (!years) {
    const { plans, dataset } = getSiteData();
    years = reportYears(
      plans.map((p) => p.plan),
      dataset.site.asOf,
    );
  }
  return years;
}

// Plans judged at a cut-off, by plan id and date: each (plan, date) is judged once per build, whatever pages ask.
let judged: Map<string, PlanState> | undefined;
let historyById: Map<string, PlanHistory> | undefined;

/** A plan as it stood at a period's cut-off (judgePeriod), memoised; the as-of judgement every page shows is reused as is. */
function planAtPeriod(planId: string, period: Period): PlanState {
  if (!judged || !historyById) {
    const data = getSiteData();
    judged = new Map(getAllPlans().map((state) => [`${state.plan.id}\u0000${state.asOf}`, state]));
    const archived = indexPlans(data.archives.flatMap((a) => a.plans.map((p) => p.plan)));
    historyById = new Map([...data.histories, ...archived].map((h) => [h.plan.id, h]));
  }
  const asOf = getPlan(planId).asOf;
  const key = `${planId}\u0000${cutoffOf(period, asOf)}`;
  let state = judged.get(key);
  if (!state) judged.set(key, (state = judgePeriod(historyById.get(planId)!, period, asOf)));
  return state;
}

const reports = new Map<string, PeriodReport>();

/** A period's report over the plans of its year (memoised: the page and the Word report share it). */
export function getPeriodReport(periodId: string): PeriodReport {
  let report = reports.get(periodId);
  if (report) return report;
  const period = parsePeriod(periodId)!;
  const planIds = getReportYears().find((y) => y.year === period.year)?.planIds ?? [];
  report = buildPeriodReport({
    period,
    asOf: getSiteData().dataset.site.asOf,
    at: planIds.map((id) => planAtPeriod(id, period)),
    before: planIds.map((id) => planAtPeriod(id, previousPeriod(period))),
    units: getSiteData().dataset.units,
  });
  reports.set(periodId, report);
  return report;
}

/** A plan at a period's cut-off (exports/<plan>.<period>.json): a live plan judged then, or a plan over several years as an archived year froze it. */
export function getPlanAtPeriod(planId: string, periodId: string): PlanState {
  const period = parsePeriod(periodId)!;
  const live = getReportYears().some((y) => y.year === period.year && y.planIds.includes(planId));
  if (live) return planAtPeriod(planId, period);
  const frozen = getSiteData().archives.find((a) => String(a.year) === periodId);
  return frozen!.continuing.find((p) => p.plan.id === planId)!;
}

/** Whether the site has pages for a plan: a live one, or one of an archived year's own plans (rendered now or copied from the cache). */
export function hasPlanPage(planId: string): boolean {
  const data = getSiteData();
  return (
    data.plans.some((p) => p.plan.id === planId) ||
    data.archiveSummaries.some((y) => y.plans.some((p) => p.id === planId && !p.continuing))
  );
}

/** A task's status at the end of each quarter of the year its plan is shown in that has begun (the current one up to the as-of date). */
export function getQuarterStatuses(planId: string, taskId: string): { period: Period; state: TaskState }[] {
  const plan = getPlan(planId);
  const year = getArchiveOf(planId)?.year ?? shownYear(plan.plan, plan.asOf);
  const out: { period: Period; state: TaskState }[] = [];
  for (let q = 1; q <= 4; q++) {
    const period = makePeriod('quarter', year, q);
    if (period.start > plan.asOf) break;
    const state = tasksById(planAtPeriod(planId, period)).get(taskId);
    if (state) out.push({ period, state });
  }
  return out;
}

const taskMaps = new WeakMap<PlanState, Map<string, TaskState>>();

/** A judged plan's tasks by id (built once per judged plan: every task page looks its task up). */
function tasksById(state: PlanState): Map<string, TaskState> {
  let map = taskMaps.get(state);
  if (!map) taskMaps.set(state, (map = new Map(state.tasks.map((t) => [t.task.id, t]))));
  return map;
}

/** The office's own words for a period's report (data/reports/<period>.md), or empty. */
export function getReportText(periodId: string): string {
  return getSiteData().dataset.reportTexts?.find((t) => t.period === periodId)?.text ?? '';
}
