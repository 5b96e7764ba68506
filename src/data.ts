/** The one place the site reads data/: loads and validates once per build, judges every plan, and fails with every problem. */
import { evaluatePlan, type PlanState, type TaskState } from './lib/evaluate';
import type { Dataset, Leader, Unit } from './lib/model';
import { DataError, hasErrors } from './lib/problems';
import { compareIds } from './lib/text';
import { loadDataFromDisk } from './node/load-data';

/** Everything the pages need, loaded once. */
export interface SiteData {
  dataset: Dataset;
  /** Every plan judged at the site's as-of date, in year then id order (newest year first). */
  plans: PlanState[];
  /** Every task of every plan. */
  tasks: TaskState[];
  units: Map<string, Unit>;
  leaders: Map<string, Leader>;
}

let cached: SiteData | undefined;

/** Loads, validates and judges the data (memoised); throws a DataError listing every problem. */
export function getSiteData(): SiteData {
  if (cached) return cached;
  const { dataset, issues } = loadDataFromDisk();
  if (!dataset || hasErrors(issues)) throw new DataError(issues);
  const plans = [...dataset.plans]
    .sort((a, b) => b.year - a.year || a.id.localeCompare(b.id))
    .map((plan) => evaluatePlan(plan, dataset.site.asOf));
  for (const p of plans) p.tasks.sort((a, b) => compareIds(a.task.id, b.task.id));
  cached = {
    dataset,
    plans,
    tasks: plans.flatMap((p) => p.tasks),
    units: new Map(dataset.units.map((u) => [u.id, u])),
    leaders: new Map(dataset.leaders.map((l) => [l.id, l])),
  };
  return cached;
}

/** The judged plan with this id. */
export function getPlan(id: string): PlanState {
  const plan = getSiteData().plans.find((p) => p.plan.id === id);
  if (!plan) throw new Error(`no plan ${id}`);
  return plan;
}
