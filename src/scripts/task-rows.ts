/** The task table's rows as <task-filter> sees them: read once from their data-* attributes, and written out as CSV. */
import { writeCsv } from '../lib/csv-write';
import type { TaskFacets } from '../lib/task-query';
import type { TaskSortFields } from '../lib/task-sort';

/** One table row with what the filters and the sort read. */
export interface Row {
  el: HTMLTableRowElement;
  facets: TaskFacets;
  sort: TaskSortFields;
  /** Passes the filters and the search. */
  match: boolean;
  /** Not hidden: a match within the display limit. */
  shown: boolean;
}

const words = (value: string | undefined) => (value ? value.split(' ') : []);

/** A cell's text with its white space collapsed. */
export const cellText = (cell: Element | undefined) => (cell?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Reads every row once: filters from data-* attributes, sort keys from them or from the cells shown. */
export function readRows(tbody: HTMLTableSectionElement, headers: readonly HTMLTableCellElement[]): Row[] {
  const column = (key: string) => headers.findIndex((th) => th.dataset.sort === key);
  const [title, unit, leader] = [column('title'), column('unit'), column('leader')];
  return [...tbody.rows].map((el, index) => {
    const d = el.dataset;
    const percent = d.percent ? Number(d.percent) : undefined;
    return {
      el,
      match: true,
      shown: !el.hidden,
      facets: {
        plan: d.plan ?? '', sections: words(d.sections), status: d.status ?? '', lead: words(d.lead), support: words(d.support),
        leaders: words(d.leaders), dueTags: words(d.dueTags), search: d.search ?? '',
      },
      sort: {
        plan: d.plan ?? '', id: d.id ?? '', title: cellText(el.cells[title]), status: d.status ?? '', percent, due: d.due ?? '',
        unit: cellText(el.cells[unit]), leader: cellText(el.cells[leader]), last: d.last ?? '', index,
      },
    };
  });
}

/** Downloads the given rows' cells as a CSV file (UTF-8 with a BOM; "—" written as an empty cell). */
export function downloadCsv(header: readonly string[], rows: readonly HTMLTableRowElement[], filename: string): void {
  const cells = rows.map((row) => [...row.cells].map((c) => (cellText(c) === '—' ? '' : cellText(c))));
  const blob = new Blob([writeCsv(header, cells)], { type: 'text/csv;charset=utf-8' });
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
