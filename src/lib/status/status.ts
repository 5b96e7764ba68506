/** Derived status: where a task stands at the as-of date, from its deadline and its progress reports. */
import { daysBetween, formatDateVi, type IsoDate } from '../dates';
import type { ReportedStatus } from '../data/model';

/** The five categories of Vietnamese task-tracking reports, in the order they are shown. */
export const DERIVED_STATUSES = ['overdue', 'in_progress', 'not_started', 'done_late', 'done_on_time'] as const;
/** A derived status. */
export type DerivedStatus = (typeof DERIVED_STATUSES)[number];

/** Vietnamese labels of the derived statuses. */
export const STATUS_LABELS: Record<DerivedStatus, string> = {
  done_on_time: 'Hoàn thành đúng hạn',
  done_late: 'Hoàn thành quá hạn',
  overdue: 'Quá hạn, chưa hoàn thành',
  not_started: 'Chưa thực hiện',
  in_progress: 'Đang thực hiện',
};

/** Vietnamese labels of the reported statuses. */
export const REPORTED_LABELS: Record<ReportedStatus, string> = {
  not_started: 'Chưa thực hiện',
  in_progress: 'Đang thực hiện',
  done: 'Đã hoàn thành',
};

/** The part of a progress report that status derivation reads. */
export interface StatusReport {
  asOf: IsoDate;
  status: ReportedStatus;
  completedOn?: IsoDate | undefined;
}

/** A task's derived status with what it was derived from. */
export interface StatusResult<R extends StatusReport = StatusReport> {
  status: DerivedStatus;
  /** The latest report dated on or before the as-of date, if any. */
  latest: R | undefined;
  /** The final deadline it was judged against. */
  due: IsoDate;
  /** The as-of date it was judged at. */
  asOf: IsoDate;
}

/** Picks the latest report dated on or before asOf; of reports on the same day, the last one given wins. */
export function latestReport<R extends StatusReport>(reports: readonly R[], asOf: IsoDate): R | undefined {
  let latest: R | undefined;
  for (const report of reports) {
    if (report.asOf <= asOf && (!latest || report.asOf >= latest.asOf)) latest = report;
  }
  return latest;
}

/** Derives a task's status at asOf from its final deadline and its progress reports. */
export function deriveStatus<R extends StatusReport>(
  due: IsoDate,
  reports: readonly R[],
  asOf: IsoDate,
): StatusResult<R> {
  const latest = latestReport(reports, asOf);
  return { status: classify(due, latest, asOf), latest, due, asOf };
}

function classify(due: IsoDate, latest: StatusReport | undefined, asOf: IsoDate): DerivedStatus {
  if (latest?.status === 'done') {
    const completed = latest.completedOn ?? latest.asOf;
    return completed <= due ? 'done_on_time' : 'done_late';
  }
  if (asOf > due) return 'overdue';
  if (!latest || latest.status === 'not_started') return 'not_started';
  return 'in_progress';
}

/** Says in plain Vietnamese why a task has its status, e.g. "quá hạn 12 ngày so với hạn 30/06/2024". */
export function explainStatus(result: StatusResult): string {
  const due = formatDateVi(result.due);
  const latest = result.latest;
  switch (result.status) {
    case 'done_on_time':
    case 'done_late': {
      const completed = latest?.completedOn ?? latest?.asOf ?? result.asOf;
      const late = daysBetween(result.due, completed);
      return late > 0
        ? `hoàn thành ngày ${formatDateVi(completed)}, chậm ${late} ngày so với hạn ${due}`
        : `hoàn thành ngày ${formatDateVi(completed)}, trong hạn ${due}`;
    }
    case 'overdue':
      return `quá hạn ${daysBetween(result.due, result.asOf)} ngày so với hạn ${due}`;
    case 'not_started':
      return latest
        ? `báo cáo ngày ${formatDateVi(latest.asOf)}: chưa thực hiện; còn ${daysBetween(result.asOf, result.due)} ngày đến hạn ${due}`
        : `chưa có báo cáo; còn ${daysBetween(result.asOf, result.due)} ngày đến hạn ${due}`;
    case 'in_progress':
      return `báo cáo ngày ${formatDateVi(latest!.asOf)}: đang thực hiện; còn ${daysBetween(result.asOf, result.due)} ngày đến hạn ${due}`;
  }
}
