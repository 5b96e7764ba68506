/** Sorting the task index by a column: Vietnamese collation for text, date order for dates, numbers by value. */
import { DERIVED_STATUSES } from '../status/status';
import { compareIds, compareVi } from '../text';
import type { SortDir, SortKey } from './task-query';

/** What a row is sorted by, read once from the page. */
export interface TaskSortFields {
  plan: string;
  id: string;
  title: string;
  status: string;
  /** undefined when no report gave a percent. */
  percent: number | undefined;
  /** Final due date, YYYY-MM-DD. */
  due: string;
  /** Lead units as shown. */
  unit: string;
  /** Directing leaders as shown. */
  leader: string;
  /** Date of the last report, YYYY-MM-DD, or '' when there is none. */
  last: string;
  /** Position in the page's own order (plan, then task numbering); breaks ties. */
  index: number;
}

type Compare = (a: TaskSortFields, b: TaskSortFields) => number;

const statusRank = (s: string) => {
  const i = (DERIVED_STATUSES as readonly string[]).indexOf(s);
  return i < 0 ? DERIVED_STATUSES.length : i;
};

// ISO dates compare as strings; an empty value means "none" and is handled by isMissing.
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const COMPARE: Record<SortKey, Compare> = {
  plan: (a, b) => compareVi(a.plan, b.plan),
  id: (a, b) => compareIds(a.id, b.id) || compareVi(a.plan, b.plan),
  title: (a, b) => compareVi(a.title, b.title),
  status: (a, b) => statusRank(a.status) - statusRank(b.status),
  percent: (a, b) => a.percent! - b.percent!,
  due: (a, b) => compareText(a.due, b.due),
  unit: (a, b) => compareVi(a.unit, b.unit),
  leader: (a, b) => compareVi(a.leader, b.leader),
  last: (a, b) => compareText(a.last, b.last),
};

function isMissing(row: TaskSortFields, key: SortKey): boolean {
  if (key === 'percent') return row.percent === undefined;
  const value = row[key];
  return typeof value === 'string' && value === '';
}

/** A comparator for one column and direction; rows without a value go last either way, ties keep the page's order. */
function compareTaskRows(key: SortKey | '', dir: SortDir): Compare {
  const sign = dir === 'desc' ? -1 : 1;
  return (a, b) => {
    if (key !== '') {
      const ma = isMissing(a, key);
      const mb = isMissing(b, key);
      if (ma !== mb) return ma ? 1 : -1;
      if (!ma) {
        const c = COMPARE[key](a, b);
        if (c !== 0) return sign * c;
      }
    }
    return a.index - b.index;
  };
}

/** A sorted copy of rows carrying sort fields. */
export function sortTaskRows<T extends { sort: TaskSortFields }>(
  rows: readonly T[],
  key: SortKey | '',
  dir: SortDir,
): T[] {
  const compare = compareTaskRows(key, dir);
  return [...rows].sort((x, y) => compare(x.sort, y.sort));
}
