/** Tasks done over time, replayed from the progress history: the numbers behind the line chart. */
import { daysInMonth, makeDate, type IsoDate } from '../dates';
import { latestReport, type StatusReport } from './status';

/** How many tasks stood done on a date. */
export interface DonePoint {
  date: IsoDate;
  done: number;
}

/** Month ends from the month of `from` to the month of `to`; the last one is `to` itself when it falls mid-month. */
export function monthEnds(from: IsoDate, to: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  for (;;) {
    const end = makeDate(year, month, daysInMonth(year, month))!;
    if (end >= to) {
      out.push(to);
      return out;
    }
    out.push(end);
    month = month === 12 ? 1 : month + 1;
    if (month === 1) year++;
  }
}

/**
 * For each month end from `from` (default: the earliest report) through asOf, the number of tasks whose latest
 * report on that date says done. Reports after asOf are ignored; with no reports, one point at asOf.
 */
export function doneOverTime(
  tasks: readonly { reports: readonly StatusReport[] }[],
  asOf: IsoDate,
  from?: IsoDate,
): DonePoint[] {
  const start = from ?? earliestReport(tasks, asOf) ?? asOf;
  return monthEnds(start <= asOf ? start : asOf, asOf).map((date) => ({
    date,
    done: tasks.filter((t) => latestReport(t.reports, date)?.status === 'done').length,
  }));
}

function earliestReport(tasks: readonly { reports: readonly StatusReport[] }[], asOf: IsoDate): IsoDate | undefined {
  let first: IsoDate | undefined;
  for (const t of tasks) {
    for (const r of t.reports) if (r.asOf <= asOf && (!first || r.asOf < first)) first = r.asOf;
  }
  return first;
}
