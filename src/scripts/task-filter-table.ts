/** The rows of <task-filter>'s table: those read so far, the rest still as text, and which of them the table shows. */
import type { SortDir, SortKey, TaskFacets } from '../lib/site/task-query';
import { sortTaskRows } from '../lib/site/task-sort';
import { collectRows, withFacets, withSortFields, type Row } from './task-filter-rows';

// Rows read at a time while the browser is idle: a slice takes a few milliseconds.
const ROWS_PER_SLICE = 250;

/** Runs a step when the browser is idle (soon in any case), with the time it may take. */
export const whenIdle = (step: (deadline?: IdleDeadline) => void) =>
  'requestIdleCallback' in window ? requestIdleCallback(step, { timeout: 2000 }) : setTimeout(step, 50);

/**
 * The rows past the first: the text of the <noscript> that holds the whole table, read a slice at a time. A browser
 * with JavaScript keeps a <noscript> as text, so the page does not pay for thousands of rows before it shows; the
 * rows are written by taskRowHtml, whose values hold no `<`, so each ends at the first `</tr>`.
 */
class UnreadRows {
  #text: string;
  #at: number;
  #end: number;

  /** `skip`: the rows at the start of the whole table that the page's own table already holds. */
  constructor(noscript: Element, skip: number) {
    this.#text = noscript.textContent ?? '';
    this.#at = this.#text.indexOf('<tbody>') + '<tbody>'.length;
    this.#end = Math.max(this.#at, this.#text.lastIndexOf('</tbody>'));
    this.#at = this.#after(skip);
  }

  /** Whether every row is read. */
  get done(): boolean {
    return this.#at >= this.#end;
  }

  // Where the n-th row from #at ends (or the end of the rows).
  #after(n: number): number {
    let at = this.#at;
    for (let i = 0; i < n; i++) {
      const close = this.#text.indexOf('</tr>', at);
      if (close < 0 || close >= this.#end) return this.#end;
      at = close + '</tr>'.length;
    }
    return at;
  }

  /** Parses the next `n` rows (all that are left by default). */
  read(n = Infinity): HTMLTableRowElement[] {
    const stop = this.#after(n);
    const template = document.createElement('template');
    template.innerHTML = this.#text.slice(this.#at, stop);
    this.#at = stop;
    return [...template.content.children] as HTMLTableRowElement[];
  }
}

/**
 * The table's rows. Past the display limit the page's table holds only the first rows and the whole table follows
 * in a <noscript>; its rows are read while the browser is idle, or at once when a view needs them. A row not shown
 * is out of the document: hidden rows would still cost the browser work on every change.
 */
export class TaskTable {
  /** Every row read so far, in the current order; those shown are in the table in this order. */
  rows: Row[];
  /** Goes up whenever rows are read, so that matches worked out before are known to be incomplete. */
  reads = 0;
  #tbody: HTMLTableSectionElement;
  #headers: readonly HTMLTableCellElement[];
  #asOf: string;
  #rest: Element | null;
  #unread: UnreadRows | undefined;
  #unreadCount: number;
  #allRead: Promise<void> | undefined;

  /** `total`: the rows of the whole table, of which `tbody` holds the first. */
  constructor(
    tbody: HTMLTableSectionElement,
    rest: Element | null,
    total: number,
    headers: readonly HTMLTableCellElement[],
    asOf: string,
  ) {
    this.#tbody = tbody;
    this.#headers = headers;
    this.#asOf = asOf;
    this.rows = collectRows(tbody.rows, true);
    this.#rest = rest;
    this.#unreadCount = rest ? Math.max(0, total - this.rows.length || 0) : 0;
  }

  /** How many rows the whole table has. */
  get total(): number {
    return this.rows.length + this.#unreadCount;
  }

  /** How many rows are not read yet: they all match, since there is no filter until every row is read. */
  get unread(): number {
    return this.#unreadCount;
  }

  // Reads up to n more rows (all by default); they are not shown yet.
  #read(n?: number): Row[] {
    if (!this.#rest) return this.rows;
    this.#unread ??= new UnreadRows(this.#rest, this.rows.length);
    const read = this.#unread.read(n);
    this.rows.push(...collectRows(read, false));
    this.#unreadCount = Math.max(0, this.#unreadCount - read.length);
    this.reads++;
    if (this.#unread.done) {
      this.#unreadCount = 0;
      this.#rest.remove();
      this.#rest = null;
      this.#unread = undefined;
    }
    return this.rows;
  }

  /** Every row, reading those left. */
  readAll(): Row[] {
    return this.#read();
  }

  /** Every row with its filters read. */
  withFacets(): (Row & { facets: TaskFacets })[] {
    return withFacets(this.readAll(), this.#headers, this.#asOf);
  }

  /** Reads the rows and their filters a slice at a time while the browser is idle, so that the page answers meanwhile. */
  readInBackground(): Promise<void> {
    this.#allRead ??= new Promise((resolve) => {
      const step = (deadline?: IdleDeadline) => {
        do withFacets(this.#read(ROWS_PER_SLICE), this.#headers, this.#asOf);
        while (this.#rest && deadline && deadline.timeRemaining() > 10);
        if (this.#rest) whenIdle(step);
        else resolve();
      };
      whenIdle(step);
    });
    return this.#allRead;
  }

  /** Puts every row in the order of a column ('' = the page's own order), the rows shown too. */
  sort(key: SortKey | '', dir: SortDir): void {
    this.rows = sortTaskRows(withSortFields(this.withFacets(), this.#headers), key, dir);
    const fragment = document.createDocumentFragment();
    for (const row of this.rows) if (row.shown) fragment.append(row.el);
    this.#tbody.append(fragment);
  }

  /** Makes the table hold exactly the rows `show` picks, in order, moving only the rows that come or go. */
  show(show: (row: Row) => boolean): void {
    const tbody = this.#tbody;
    const incoming = document.createDocumentFragment();
    let next = tbody.firstElementChild; // the first row in the table not yet passed
    for (const row of this.rows) {
      const shown = show(row);
      if (shown && row.shown) {
        if (incoming.firstChild) tbody.insertBefore(incoming, next);
        next = row.el.nextElementSibling;
      } else if (shown) {
        incoming.append(row.el);
      } else if (row.shown) {
        if (next === row.el) next = row.el.nextElementSibling;
        row.el.remove();
      }
      row.shown = shown;
    }
    if (incoming.firstChild) tbody.insertBefore(incoming, next);
  }
}
