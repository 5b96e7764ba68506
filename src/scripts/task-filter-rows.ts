/** The task table's rows as <task-filter> sees them: read once from their data-* attributes, and written out as CSV or a workbook. */
import { writeCsv } from '../lib/data/csv-write';
import { fitWidth } from '../lib/data/workbook/fit';
import { writeXlsx, type XlsxColumn } from '../lib/data/workbook/xlsx-write';
import type { DerivedStatus } from '../lib/status/status';
import { dueTags } from '../lib/site/task-index';
import type { TaskFacets } from '../lib/site/task-query';
import type { TaskSortFields } from '../lib/site/task-sort';

/** One table row with what the filters and the sort read. */
export interface Row {
  el: HTMLTableRowElement;
  /** Read when a filter or search first needs it, or once the page is idle: reading every row up front slows the start. */
  facets?: TaskFacets;
  /** Read on the first sort, for the same reason. */
  sort?: TaskSortFields;
  /** Passes the filters and the search. */
  match: boolean;
  /** In the table: a match within the display limit. A row not shown is out of the document, not hidden. */
  shown: boolean;
}

const words = (value: string | null) => (value ? value.split(' ') : []);

/** A cell's text with its white space collapsed. */
export const cellText = (cell: Element | undefined) => (cell?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Rows as <task-filter> first sees them: each matches (no filter yet); `shown` says whether it is in the table. */
export function collectRows(rows: Iterable<HTMLTableRowElement>, shown: boolean): Row[] {
  return [...rows].map((el) => ({ el, match: true, shown }));
}

/**
 * Reads each row's filters once: from its data-* attributes (sections without the plan, which the row already says;
 * support `*` for every unit but the lead units), the status badge, and the due tags worked out from the deadline as
 * on the server; the search text comes later.
 */
export function withFacets(
  rows: readonly Row[],
  headers: readonly HTMLTableCellElement[],
  asOf: string,
): (Row & { facets: TaskFacets })[] {
  const statusColumn = headers.findIndex((th) => th.dataset.sort === 'status');
  for (const row of rows) {
    if (row.facets) continue;
    const { el } = row;
    const plan = el.getAttribute('data-plan') ?? '';
    const due = el.getAttribute('data-due');
    const status = el.cells[statusColumn]?.querySelector<HTMLElement>('[data-status]')?.dataset.status ?? '';
    const support = el.getAttribute('data-support');
    row.facets = {
      plan,
      sections: words(el.getAttribute('data-sections')).map((s) => `${plan}/${s}`),
      status,
      lead: words(el.getAttribute('data-lead')),
      support: support === '*' ? [] : words(support),
      supportAll: support === '*',
      leaders: words(el.getAttribute('data-leaders')),
      dueTags: due ? dueTags(due, status as DerivedStatus, asOf) : [],
      search: '',
    };
  }
  return rows as (Row & { facets: TaskFacets })[];
}

/** Gives every row its sort keys (once), from data-* attributes or from the cells shown; rows must be in page order. */
export function withSortFields(
  rows: (Row & { facets: TaskFacets })[],
  headers: readonly HTMLTableCellElement[],
): (Row & { facets: TaskFacets; sort: TaskSortFields })[] {
  const column = (key: string) => headers.findIndex((th) => th.dataset.sort === key);
  const [title, unit, leader] = [column('title'), column('unit'), column('leader')];
  rows.forEach((row, index) => {
    if (row.sort) return;
    const { el } = row;
    const d = el.dataset;
    row.sort = {
      plan: d.plan ?? '',
      id: d.id ?? '',
      title: cellText(el.cells[title]),
      status: row.facets.status,
      percent: d.percent ? Number(d.percent) : undefined,
      due: d.due ?? '',
      unit: cellText(el.cells[unit]),
      leader: cellText(el.cells[leader]),
      last: d.last ?? '',
      index,
    };
  });
  return rows as (Row & { facets: TaskFacets; sort: TaskSortFields })[];
}

/** Puts each row's folded search text from the search file (`[plan, id, text]` per row) onto the rows; true when all found one. */
export function applySearchIndex(
  rows: readonly (Row & { facets: TaskFacets })[],
  entries: readonly (readonly [string, string, string])[],
): boolean {
  const byKey = new Map(entries.map(([plan, id, text]) => [`${plan}\n${id}`, text]));
  let all = true;
  for (const row of rows) {
    const text = byKey.get(`${row.facets.plan}\n${row.el.dataset.id ?? ''}`);
    if (text === undefined) all = false;
    row.facets.search = text ?? '';
  }
  return all;
}

/** Downloads the given rows' cells as a CSV file (UTF-8 with a BOM; "—" written as an empty cell). */
export function downloadCsv(header: readonly string[], rows: readonly HTMLTableRowElement[], filename: string): void {
  const cells = rows.map((row) => [...row.cells].map((c) => (cellText(c) === '—' ? '' : cellText(c))));
  saveBlob(new Blob([writeCsv(header, cells)], { type: 'text/csv;charset=utf-8' }), filename);
}

// The columns a workbook holds as numbers and dates, read from the row's data-* attributes rather than the text shown.
const TYPED: Record<string, [kind: XlsxColumn['kind'], read: (d: DOMStringMap) => string | number | undefined]> = {
  percent: ['number', (d) => (d.percent ? Number(d.percent) : undefined)],
  due: ['date', (d) => d.due],
  last: ['date', (d) => d.last || undefined],
};

/** Downloads the given rows as an .xlsx workbook: the same columns as the CSV, dates as dates, percent as numbers. */
export async function downloadXlsx(
  headers: readonly HTMLTableCellElement[],
  rows: readonly HTMLTableRowElement[],
  filename: string,
  date: string,
): Promise<void> {
  const keys = headers.map((th) => th.dataset.sort ?? '');
  const values = rows.map((row) =>
    keys.map((key, i) => {
      const typed = Object.hasOwn(TYPED, key) ? TYPED[key] : undefined;
      if (typed) return typed[1](row.dataset);
      const text = cellText(row.cells[i]);
      return text === '—' ? '' : text;
    }),
  );
  const columns = headers.map((th, i): XlsxColumn => {
    const kind = (Object.hasOwn(TYPED, keys[i]!) && TYPED[keys[i]!]?.[0]) || 'text';
    const width =
      kind === 'date'
        ? 12
        : fitWidth(
            cellText(th),
            values.map((v) => v[i]),
            8,
            50,
          );
    return { header: cellText(th), width, kind };
  });
  const bytes = await writeXlsx({ sheet: 'Nhiệm vụ', columns, rows: values, date });
  saveBlob(new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), filename);
}

function saveBlob(blob: Blob, filename: string): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download reads the blob after click() returns, so it is released later.
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
