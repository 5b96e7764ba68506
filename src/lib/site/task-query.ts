/** The task index's filter, search and sort state: read from and written to the URL query, and applied to rows. */
import { foldVietnamese } from '../text';

/** The filters, in the order they appear in the form and the URL (`unit` is the lead unit). */
export const FILTER_KEYS = ['plan', 'section', 'status', 'unit', 'support', 'leader', 'due'] as const;
/** One filter. */
export type FilterKey = (typeof FILTER_KEYS)[number];

/**
 * How many matching rows a view shows until the reader asks for all: laying out new rows takes far longer than
 * matching them. With more tasks than this, the page's table holds only the first rows and the whole table follows
 * in a <noscript> (see src/pages/tasks/index.astro).
 */
export const DISPLAY_LIMIT = 100;

/** The columns the table can be sorted by. */
export const SORT_KEYS = ['plan', 'id', 'title', 'status', 'percent', 'due', 'unit', 'leader', 'last'] as const;
/** One sortable column. */
export type SortKey = (typeof SORT_KEYS)[number];
/** Sort direction. */
export type SortDir = 'asc' | 'desc';

/** What the reader chose: one value per filter ('' = any), the search text as typed, and the sort. */
export interface TaskQuery {
  filters: Record<FilterKey, string>;
  /** The search box as typed (folded only when matching). */
  q: string;
  /** '' keeps the page's own order (plan, then task numbering). */
  sort: SortKey | '';
  dir: SortDir;
}

/** What a row offers to the filters, read once from its data-* attributes. */
export interface TaskFacets {
  plan: string;
  /** `plan/section` keys of the task's section and every section above it. */
  sections: readonly string[];
  status: string;
  lead: readonly string[];
  support: readonly string[];
  /** The data says `*`: every unit but the lead units supports (then `support` may be left empty). */
  supportAll: boolean;
  leaders: readonly string[];
  /** `overdue`, `soon` and the due quarter such as `2024-Q4`. */
  dueTags: readonly string[];
  /** id, title, content, notes and unit names, already folded with foldVietnamese. */
  search: string;
}

/** A query with no filter, no search and the page's own order. */
export function emptyQuery(): TaskQuery {
  return {
    filters: { plan: '', section: '', status: '', unit: '', support: '', leader: '', due: '' },
    q: '',
    sort: '',
    dir: 'asc',
  };
}

/** Reads the state from a URL query string (`?status=overdue&q=kiem+soat&sort=due&dir=desc`); unknown parts are ignored. */
export function parseTaskQuery(search: string): TaskQuery {
  const params = new URLSearchParams(search);
  const query = emptyQuery();
  for (const key of FILTER_KEYS) query.filters[key] = (params.get(key) ?? '').trim();
  query.q = params.get('q') ?? '';
  const sort = params.get('sort') ?? '';
  if ((SORT_KEYS as readonly string[]).includes(sort)) {
    query.sort = sort as SortKey;
    query.dir = params.get('dir') === 'desc' ? 'desc' : 'asc';
  }
  return query;
}

/** Writes the state as a URL query string in a fixed order, leaving out what is empty; '' when there is nothing. */
export function writeTaskQuery(query: TaskQuery): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) if (query.filters[key] !== '') params.set(key, query.filters[key]);
  if (query.q.trim() !== '') params.set('q', query.q.trim());
  if (query.sort !== '') {
    params.set('sort', query.sort);
    params.set('dir', query.dir);
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** Drops filter values that are not among the choices offered (an old bookmark, a typo), so the form can show every value. */
export function keepKnownFilters(query: TaskQuery, allowed: Record<FilterKey, ReadonlySet<string>>): TaskQuery {
  const filters = { ...query.filters };
  for (const key of FILTER_KEYS) if (!allowed[key].has(filters[key])) filters[key] = '';
  return { ...query, filters };
}

/** Whether any filter or search is set (the sort does not count). */
export function isFiltered(query: TaskQuery): boolean {
  return query.q.trim() !== '' || FILTER_KEYS.some((key) => query.filters[key] !== '');
}

/** The search text as folded words; a row matches when its search text contains every word. */
export function searchTerms(q: string): string[] {
  return foldVietnamese(q)
    .split(' ')
    .filter((word) => word !== '');
}

/**
 * Whether every row that contains all of `after` also contains all of `before` (each earlier word is inside a later
 * one), so only the rows that matched before need checking again: typing on at the end of the search box narrows.
 */
export function narrowsSearch(before: readonly string[], after: readonly string[]): boolean {
  return before.every((old) => after.some((word) => word.includes(old)));
}

/** Whether a row passes every filter and contains every search word (terms from searchTerms). */
export function matchesTask(row: TaskFacets, query: TaskQuery, terms: readonly string[]): boolean {
  const f = query.filters;
  if (f.plan && row.plan !== f.plan) return false;
  if (f.status && row.status !== f.status) return false;
  if (f.section && !row.sections.includes(f.section)) return false;
  if (f.unit && !row.lead.includes(f.unit)) return false;
  if (f.support && !(row.supportAll ? !row.lead.includes(f.support) : row.support.includes(f.support))) return false;
  if (f.leader && !row.leaders.includes(f.leader)) return false;
  if (f.due && !row.dueTags.includes(f.due)) return false;
  return terms.every((term) => row.search.includes(term));
}
