/**
 * Reporting periods: the months, quarters, halves and the year at whose end a plan is reported on, each with its
 * cut-off date (its last day, or the as-of date while it has not ended).
 */
import { addDays, daysInMonth, formatDateVi, makeDate, yearOf, type IsoDate } from '../dates';
import { shownYear, type PlanYears } from './plan-years';

/** The kinds of period, from the shortest. */
export const PERIOD_KINDS = ['month', 'quarter', 'half', 'year'] as const;
/** A kind of period. */
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** One reporting period of a year. */
export interface Period {
  /** `2024-01` … `2024-12`, `2024-q1` … `2024-q4`, `2024-h1`, `2024-h2`, `2024`. */
  id: string;
  kind: PeriodKind;
  year: number;
  /** 1-based: the month, quarter or half; 1 for the year. */
  index: number;
  /** Its first day. */
  start: IsoDate;
  /** Its last day. */
  end: IsoDate;
}

/** Months in a period of each kind. */
const MONTHS: Record<PeriodKind, number> = { month: 1, quarter: 3, half: 6, year: 12 };
const PERIOD_ID = /^(\d{4})(?:-(?:(\d{2})|q([1-4])|h([12])))?$/;
const ROMAN = ['I', 'II', 'III', 'IV'];

/** The period of this kind and index in a year (index 1-based). */
export function makePeriod(kind: PeriodKind, year: number, index: number): Period {
  const months = MONTHS[kind];
  const first = (index - 1) * months + 1;
  const last = first + months - 1;
  const suffix = { month: String(index).padStart(2, '0'), quarter: `q${index}`, half: `h${index}`, year: '' }[kind];
  return {
    id: suffix ? `${year}-${suffix}` : String(year),
    kind,
    year,
    index,
    start: makeDate(year, first, 1)!,
    end: makeDate(year, last, daysInMonth(year, last))!,
  };
}

/** Reads a period id (`2024-03`, `2024-q3`, `2024-h1`, `2024`); undefined when it is not one. */
export function parsePeriod(id: string): Period | undefined {
  const match = PERIOD_ID.exec(id);
  if (!match) return undefined;
  const year = Number(match[1]);
  if (year < 1900 || year > 2999) return undefined;
  if (match[2] !== undefined) {
    const month = Number(match[2]);
    return month >= 1 && month <= 12 ? makePeriod('month', year, month) : undefined;
  }
  if (match[3] !== undefined) return makePeriod('quarter', year, Number(match[3]));
  if (match[4] !== undefined) return makePeriod('half', year, Number(match[4]));
  return makePeriod('year', year, 1);
}

/** How many periods of a kind a year has. */
function countOf(kind: PeriodKind): number {
  return 12 / MONTHS[kind];
}

/** Every period of a year that has begun by asOf: the year, halves, quarters, then months, each newest first. */
export function periodsOfYear(year: number, asOf: IsoDate): Period[] {
  const out: Period[] = [];
  for (const kind of [...PERIOD_KINDS].reverse()) {
    for (let index = countOf(kind); index >= 1; index--) {
      const period = makePeriod(kind, year, index);
      if (period.start <= asOf) out.push(period);
    }
  }
  return out;
}

/** The date a period is judged at: its last day, or asOf while it has not ended. */
export function cutoffOf(period: Period, asOf: IsoDate): IsoDate {
  return period.end <= asOf ? period.end : asOf;
}

/** Whether the period has ended by asOf. */
export function hasEnded(period: Period, asOf: IsoDate): boolean {
  return period.end <= asOf;
}

/** The period of the same kind just before this one (the year before for the first of a year). */
export function previousPeriod(period: Period): Period {
  return period.index > 1
    ? makePeriod(period.kind, period.year, period.index - 1)
    : makePeriod(period.kind, period.year - 1, countOf(period.kind));
}

/** The period of the same kind just after this one. */
export function nextPeriod(period: Period): Period {
  return period.index < countOf(period.kind)
    ? makePeriod(period.kind, period.year, period.index + 1)
    : makePeriod(period.kind, period.year + 1, 1);
}

/** The period of a kind that holds a date. */
export function periodHolding(kind: PeriodKind, date: IsoDate): Period {
  const month = Number(date.slice(5, 7));
  return makePeriod(kind, yearOf(date), Math.ceil(month / MONTHS[kind]));
}

/** The days after the cut-off that the report looks ahead to: up to the end of the next period of the same kind. */
export function windowAhead(period: Period, asOf: IsoDate): { from: IsoDate; to: IsoDate } {
  return { from: addDays(cutoffOf(period, asOf), 1), to: nextPeriod(period).end };
}

/** The period's name as a report writes it: "Tháng 3 năm 2024", "Quý III năm 2024", "6 tháng đầu năm 2024", "Năm 2024". */
export function periodName(period: Period): string {
  switch (period.kind) {
    case 'month':
      return `Tháng ${period.index} năm ${period.year}`;
    case 'quarter':
      return `Quý ${ROMAN[period.index - 1]} năm ${period.year}`;
    case 'half':
      return `6 tháng ${period.index === 1 ? 'đầu' : 'cuối'} năm ${period.year}`;
    case 'year':
      return `Năm ${period.year}`;
  }
}

/** The period's name with its cut-off when it has not ended: "Quý IV năm 2024 (đến ngày 30/11/2024)". */
export function periodLabel(period: Period, asOf: IsoDate): string {
  const name = periodName(period);
  return hasEnded(period, asOf) ? name : `${name} (đến ngày ${formatDateVi(asOf)})`;
}

/** Vietnamese names of the kinds, for headings: "Tháng", "Quý", "6 tháng", "Năm". */
export const KIND_NAMES: Record<PeriodKind, string> = {
  month: 'Tháng',
  quarter: 'Quý',
  half: '6 tháng',
  year: 'Năm',
};

/** The latest period of a kind that has ended by asOf within a year, if any. */
export function latestEnded(kind: PeriodKind, year: number, asOf: IsoDate): Period | undefined {
  for (let index = countOf(kind); index >= 1; index--) {
    const period = makePeriod(kind, year, index);
    if (hasEnded(period, asOf)) return period;
  }
  return undefined;
}

/** A year the reports cover: the live plans shown in it, and its periods begun by the as-of date (newest first). */
export interface ReportYear {
  year: number;
  /** Ids of the plans shown in that year, in the order given. */
  planIds: string[];
  periods: Period[];
}

/** The years of live plans (each plan in the year it is shown in) that have a period begun by asOf, newest first. */
export function reportYears(plans: readonly (PlanYears & { id: string })[], asOf: IsoDate): ReportYear[] {
  const byYear = new Map<number, string[]>();
  for (const plan of plans) {
    const year = shownYear(plan, asOf);
    byYear.set(year, [...(byYear.get(year) ?? []), plan.id]);
  }
  return [...byYear]
    .map(([year, planIds]) => ({ year, planIds, periods: periodsOfYear(year, asOf) }))
    .filter((y) => y.periods.length > 0)
    .sort((a, b) => b.year - a.year);
}
