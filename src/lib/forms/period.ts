/** A reporting period of the monthly round: a calendar month, its cut-off date and how forms name it. */
import { addDays, daysInMonth, makeDate, type IsoDate } from '../dates';

/** A month, e.g. 2024-12. */
export interface Period {
  year: number;
  month: number;
}

/** Reads `YYYY-MM` (as `--period` takes it); undefined when it is not a month. */
export function parsePeriod(text: string): Period | undefined {
  const m = /^(\d{4})-(\d{2})$/.exec(text.trim());
  if (!m) return undefined;
  const period = { year: Number(m[1]), month: Number(m[2]) };
  return period.month >= 1 && period.month <= 12 && period.year >= 1900 ? period : undefined;
}

/** The period as `YYYY-MM`: a folder name and what commands take. */
export function periodId(p: Period): string {
  return `${p.year}-${String(p.month).padStart(2, '0')}`;
}

/** The period as forms and pages show it: "tháng 12/2024". */
export function periodLabel(p: Period): string {
  return `tháng ${p.month}/${p.year}`;
}

/** Reads the period as a form shows it ("Tháng 12/2024", "12/2024"); undefined when it is not one. */
export function parsePeriodLabel(text: string): Period | undefined {
  const m = /^(?:tháng\s+)?(\d{1,2})\s*\/\s*(\d{4})$/iu.exec(text.normalize('NFC').trim());
  if (!m) return undefined;
  const period = { year: Number(m[2]), month: Number(m[1]) };
  return period.month >= 1 && period.month <= 12 ? period : undefined;
}

/** The first day of the period. */
export function periodStart(p: Period): IsoDate {
  return makeDate(p.year, p.month, 1)!;
}

/** The period's cut-off: its last day, the date of the reports it collects. */
export function periodCutoff(p: Period): IsoDate {
  return makeDate(p.year, p.month, daysInMonth(p.year, p.month))!;
}

/** The period a date falls in. */
export function periodOf(date: IsoDate): Period {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)) };
}

/** When forms are due back unless the office says otherwise: five days after the cut-off. */
export function defaultReturnBy(p: Period): IsoDate {
  return addDays(periodCutoff(p), 5);
}

/** Whether two periods are the same month. */
export function samePeriod(a: Period, b: Period): boolean {
  return a.year === b.year && a.month === b.month;
}
