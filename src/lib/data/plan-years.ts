/** Plans over several years (plan.json `end_year`): which years a plan is live in, and the year the site shows it in. */
import { yearOf, type IsoDate } from '../dates';

/** The years a plan says it runs: `year`, and `endYear` for a plan over several years. */
export interface PlanYears {
  year: number;
  endYear?: number | undefined;
}

/** The last year of a plan: its end_year, or its year for a plan of one year. */
export function lastYearOf(plan: PlanYears): number {
  return plan.endYear ?? plan.year;
}

/** Whether a plan runs in a year (a plan over several years is live in each of them). */
export function isLiveIn(plan: PlanYears, year: number): boolean {
  return plan.year <= year && year <= lastYearOf(plan);
}

/** The year a live plan is shown in at asOf: the as-of year, kept within the plan's years. */
export function shownYear(plan: PlanYears, asOf: IsoDate): number {
  return Math.min(Math.max(yearOf(asOf), plan.year), lastYearOf(plan));
}

/** The plan's years as pages write them: "2024", or "2025–2030". */
export function yearsLabel(plan: PlanYears): string {
  return plan.endYear !== undefined && plan.endYear !== plan.year ? `${plan.year}–${plan.endYear}` : String(plan.year);
}
