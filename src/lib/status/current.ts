/** Which plans are "current": those of the as-of date's year, or of the latest year when none is. */
import { yearOf, type IsoDate } from '../dates';

/** The plans of the as-of year; when there are none, those of the latest year there is. */
export function currentPlans<P extends { plan: { year: number } }>(plans: readonly P[], asOf: IsoDate): P[] {
  const year = yearOf(asOf);
  const thisYear = plans.filter((p) => p.plan.year === year);
  if (thisYear.length > 0) return thisYear;
  const latest = Math.max(...plans.map((p) => p.plan.year));
  return plans.filter((p) => p.plan.year === latest);
}
