/** The /tasks/ view model of the default data, judged at its as-of date, for tests of the index and its rows. */
import { currentPlans } from '../../src/lib/status/current';
import { evaluatePlan } from '../../src/lib/status/evaluate';
import { buildTaskIndex, type TaskIndexRow } from '../../src/lib/site/task-index';
import { loadSiteFromDisk } from '../../src/node/data/load-site';

export function defaultTaskIndex() {
  const { dataset } = loadSiteFromDisk('data');
  const asOf = dataset!.site.asOf;
  const plans = currentPlans(
    dataset!.plans.map((p) => evaluatePlan(p, asOf)),
    asOf,
  );
  const units = new Map(dataset!.units.map((u) => [u.id, u]));
  const leaders = new Map(dataset!.leaders.map((l) => [l.id, l]));
  const index = buildTaskIndex(plans, units, leaders, asOf);
  const byId = (id: string): TaskIndexRow => index.rows.find((r) => r.state.task.id === id)!;
  return { dataset: dataset!, asOf, plans, units, leaders, index, byId };
}
