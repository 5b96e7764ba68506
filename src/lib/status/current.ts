/** Which plans are "current": those live in the as-of date's year, or in the latest year there is when none is. */
import { yearOf, type IsoDate } from '../dates';
import { isLiveIn, lastYearOf } from '../data/plan-years';
import type { PlanYears } from '../data/plan-years';

/** The year the dashboard shows: the as-of year when a plan runs in it, else the latest year a plan runs in. */
export function currentYear(plans: readonly { plan: PlanYears }[], asOf: IsoDate): number {
  const year = yearOf(asOf);
  if (plans.length === 0 || plans.some((p) => isLiveIn(p.plan, year))) return year;
  return Math.max(...plans.map((p) => lastYearOf(p.plan)));
}

/** The plans live in the as-of year (a plan over several years is live in each); when there are none, those of the latest year there is. */
export function currentPlans<P extends { plan: PlanYears }>(plans: readonly P[], asOf: IsoDate): P[] {
  const year = currentYear(plans, asOf);
  return plans.filter((p) => isLiveIn(p.plan, year));
}
