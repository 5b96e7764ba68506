/** <task-filter>: filters, searches and sorts the server-rendered task table in place, keeping the state in the URL. */
import {
  DISPLAY_LIMIT,
  FILTER_KEYS,
  emptyQuery,
  isFiltered,
  keepKnownFilters,
  matchesTask,
  narrowsSearch,
  parseTaskQuery,
  searchTerms,
  writeTaskQuery,
  type FilterKey,
  type SortKey,
  type TaskQuery,
} from '../lib/site/task-query';
import { TaskTable, whenIdle } from './task-filter-table';
import { applySearchIndex, cellText, downloadCsv, downloadXlsx } from './task-filter-rows';

// A pause this long ends a burst of typing: the next keystroke starts a new history entry.
const TYPING_PAUSE_MS = 800;
// While typing, the URL is rewritten only after this pause: on a big page history writes cost more than filtering.
const TYPING_URL_DELAY_MS = 300;

class TaskFilter extends HTMLElement {
  #table!: TaskTable;
  #query: TaskQuery = emptyQuery();
  #sorted = ':asc';
  /** The query (as written to the URL) for which the reader asked to see every match. */
  #showAllFor: string | undefined;
  #typing = false;
  #typingTimer: ReturnType<typeof setTimeout> | undefined;
  #urlQueued = false;
  #urlPush = false;
  #urlFrame = 0;
  #urlTimer: ReturnType<typeof setTimeout> | undefined;
  #form!: HTMLFormElement;
  #search!: HTMLInputElement;
  #headers: HTMLTableCellElement[] = [];
  #onPopState = () => this.#load();
  /** The search file, fetched once: after the page has loaded, or sooner when the reader searches. */
  #searchFile: Promise<void> | undefined;
  #searchReady = false;
  /** The filters, search words and rows read when every row's `match` was last worked out. */
  #matchedFor: { filters: string; terms: string[]; reads: number } | undefined;

  connectedCallback(): void {
    const form = this.querySelector('form');
    const tbody = this.querySelector('tbody');
    if (!form || !tbody) return;
    // Set by the page's head script already, unless a stale Content-Security-Policy blocked it: the table's CSS needs it.
    document.documentElement.setAttribute('data-js', '');
    this.#form = form;
    this.#search = form.elements.namedItem('q') as HTMLInputElement;
    this.#headers = [...this.querySelectorAll<HTMLTableCellElement>('thead th')];
    this.#table = new TaskTable(
      tbody,
      this.querySelector('noscript'),
      Number(this.dataset.total),
      this.#headers,
      this.dataset.asOf ?? '',
    );
    this.#addSortButtons();
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.#endTyping();
      this.#flushUrl();
    });
    form.addEventListener('change', (e) => {
      if (e.target !== this.#search) this.#update();
    });
    this.#search.addEventListener('input', () => this.#onType());
    this.#search.addEventListener('focus', () => void this.#loadSearch(), { once: true });
    // The page itself comes first: the search text and the other rows are read once the browser has nothing else to do.
    const idle = () => whenIdle(() => void this.#loadSearch());
    if (document.readyState === 'complete') idle();
    else window.addEventListener('load', idle, { once: true });
    this.#search.addEventListener('blur', () => {
      this.#endTyping();
      this.#flushUrl();
    });
    form.querySelector('[data-action="clear"]')?.addEventListener('click', () => this.#clear());
    form.querySelector('[data-action="csv"]')?.addEventListener('click', () => this.#downloadCsv());
    form.querySelector('[data-action="xlsx"]')?.addEventListener('click', () => void this.#downloadXlsx());
    this.querySelector('[data-action="more"]')?.addEventListener('click', () => this.#showAll());
    window.addEventListener('popstate', this.#onPopState);
    this.#load();
    form.hidden = false;
    this.dataset.ready = '';
  }

  disconnectedCallback(): void {
    window.removeEventListener('popstate', this.#onPopState);
  }

  /** Shows the view the URL asks for (first load, reload, back and forward). */
  #load(): void {
    this.#endTyping();
    this.#cancelUrl();
    const allowed = Object.fromEntries(
      FILTER_KEYS.map((key) => [key, new Set([...this.#select(key).options].map((o) => o.value))]),
    );
    this.#query = keepKnownFilters(parseTaskQuery(location.search), allowed as Record<FilterKey, Set<string>>);
    for (const key of FILTER_KEYS) this.#select(key).value = this.#query.filters[key];
    this.#search.value = this.#query.q;
    this.#render();
    this.#writeUrl('replace');
  }

  // The search text of every row lives in a separate file (it is most of the data), so the page stays small. It is put
  // on the rows once they are all read; the search is ready (data-search-ready) when both are done.
  #loadSearch(): Promise<void> {
    if (this.#searchFile) return this.#searchFile;
    const file = fetch(this.dataset.searchSrc ?? 'search-index.json').then((response) => {
      if (!response.ok) throw new Error(`${response.status} ${response.url}`);
      return response.json() as Promise<[string, string, string][]>;
    });
    this.#searchFile = Promise.all([file, this.#table.readInBackground()])
      .then(([entries]) => {
        if (!applySearchIndex(this.#table.withFacets(), entries))
          console.warn('task-filter: some rows are missing from the search file');
        this.#matchedFor = undefined;
      })
      .catch((error: unknown) => console.error('task-filter: the search file could not be read', error))
      .finally(() => {
        this.#searchReady = true;
        this.dataset.searchReady = '';
        if (searchTerms(this.#query.q).length > 0) this.#render();
      });
    return this.#searchFile;
  }

  #select(key: FilterKey): HTMLSelectElement {
    return this.#form.elements.namedItem(key) as HTMLSelectElement;
  }

  #update(): void {
    for (const key of FILTER_KEYS) this.#query.filters[key] = this.#select(key).value;
    this.#render();
    this.#queueUrl(true);
  }

  // The first keystroke of a burst adds a history entry; the rest of the burst only rewrites it.
  #onType(): void {
    this.#query.q = this.#search.value;
    this.#render();
    this.#queueUrl(!this.#typing, TYPING_URL_DELAY_MS);
    this.#typing = true;
    clearTimeout(this.#typingTimer);
    this.#typingTimer = setTimeout(() => this.#endTyping(), TYPING_PAUSE_MS);
  }

  #endTyping(): void {
    clearTimeout(this.#typingTimer);
    this.#typing = false;
  }

  #clear(): void {
    const { sort, dir } = this.#query;
    this.#query = { ...emptyQuery(), sort, dir };
    for (const key of FILTER_KEYS) this.#select(key).value = '';
    this.#search.value = '';
    this.#render();
    this.#queueUrl(true);
  }

  #sortBy(key: SortKey): void {
    const same = this.#query.sort === key;
    this.#query.sort = key;
    this.#query.dir = same && this.#query.dir === 'asc' ? 'desc' : 'asc';
    this.#render();
    this.#queueUrl(true);
  }

  // History writes get slow on a big page, so they wait until the change is painted (and typing pauses).
  #queueUrl(push: boolean, delay = 0): void {
    if (push) this.#flushUrl(); // each change keeps its own history entry, however quick the next one comes
    const keepPush = this.#urlPush || push;
    this.#cancelUrl();
    this.#urlQueued = true;
    this.#urlPush = keepPush;
    this.#urlFrame = requestAnimationFrame(() => (this.#urlTimer = setTimeout(() => this.#flushUrl(), delay)));
  }

  #cancelUrl(): void {
    cancelAnimationFrame(this.#urlFrame);
    clearTimeout(this.#urlTimer);
    this.#urlQueued = false;
    this.#urlPush = false;
  }

  #flushUrl(): void {
    if (!this.#urlQueued) return;
    const push = this.#urlPush;
    this.#cancelUrl();
    this.#writeUrl(push ? 'push' : 'replace');
  }

  #writeUrl(mode: 'push' | 'replace'): void {
    const search = writeTaskQuery(this.#query);
    if (search === location.search) return;
    const url = `${location.pathname}${search}${location.hash}`;
    if (mode === 'push') history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  }

  #showAll(): void {
    this.#showAllFor = writeTaskQuery(this.#query);
    this.#render();
    const firstHidden = this.#table.rows.filter((r) => r.match)[this.#limit()];
    firstHidden?.el.querySelector('a')?.focus();
  }

  #limit(): number {
    const limit = Number(this.dataset.limit);
    return Number.isInteger(limit) && limit > 0 ? limit : DISPLAY_LIMIT;
  }

  #render(): void {
    // Until the search file is in, a search waits for it rather than showing no matches.
    if (!this.#searchReady && searchTerms(this.#query.q).length > 0) {
      void this.#loadSearch();
      return;
    }
    this.#applySort();
    const matches = this.#applyFilter();
    const count = this.querySelector('[data-count]');
    const text = `${matches} / ${this.#table.total} nhiệm vụ`;
    if (count && count.textContent !== text) count.textContent = text;
    const empty = this.querySelector<HTMLElement>('[data-empty]');
    if (empty) empty.hidden = matches > 0;
    const shown = this.#table.rows.reduce((n, r) => n + (r.shown ? 1 : 0), 0);
    const summary = this.querySelector<HTMLElement>('[data-summary]');
    if (summary) {
      summary.hidden = !isFiltered(this.#query);
      summary.textContent = `${this.#describe()} ${text}.`;
    }
    const more = this.querySelector<HTMLElement>('[data-more]');
    if (more) {
      more.hidden = shown === matches;
      more.querySelector('[data-more-text]')!.textContent =
        `Đang hiện ${shown} nhiệm vụ đầu tiên trong ${matches} nhiệm vụ khớp.`;
      more.querySelector('button')!.textContent = `Hiện cả ${matches} nhiệm vụ`;
    }
  }

  // The filters in words, for the printed page: "Tình trạng: Đang thực hiện; Tìm: “kiem soat”".
  #describe(): string {
    const parts = FILTER_KEYS.filter((key) => this.#query.filters[key] !== '').map((key) => {
      const select = this.#select(key);
      return `${cellText(select.labels[0])}: ${cellText(select.selectedOptions[0])}`;
    });
    if (this.#query.q.trim() !== '') parts.push(`Tìm: “${this.#query.q.trim()}”`);
    return `Bộ lọc: ${parts.join('; ')}.`;
  }

  #applySort(): void {
    const { sort, dir } = this.#query;
    for (const th of this.#headers) {
      if (th.dataset.sort === sort && sort !== '')
        th.setAttribute('aria-sort', dir === 'asc' ? 'ascending' : 'descending');
      else th.removeAttribute('aria-sort');
    }
    if (`${sort}:${dir}` === this.#sorted) return;
    this.#table.sort(sort, dir);
    this.#sorted = `${sort}:${dir}`;
  }

  // Matches every row and shows the first matches; returns the number of matches.
  #applyFilter(): number {
    const table = this.#table;
    const terms = searchTerms(this.#query.q);
    const filtered = terms.length > 0 || FILTER_KEYS.some((key) => this.#query.filters[key] !== '');
    const limit = this.#showAllFor === writeTaskQuery(this.#query) ? Infinity : this.#limit();
    if (filtered) table.withFacets();
    else if (limit > table.rows.length) table.readAll();
    // Typing on only narrows the search: the rows that did not match before are not searched again.
    const filters = JSON.stringify(this.#query.filters);
    const before = this.#matchedFor;
    const narrowing = before?.filters === filters && before.reads === table.reads && narrowsSearch(before.terms, terms);
    this.#matchedFor = { filters, terms, reads: table.reads };
    let matches = 0;
    table.show((row) => {
      row.match = !filtered || ((row.match || !narrowing) && matchesTask(row.facets!, this.#query, terms));
      if (row.match) matches++;
      return row.match && matches <= limit;
    });
    return matches + table.unread;
  }

  #addSortButtons(): void {
    for (const th of this.#headers) {
      const key = th.dataset.sort as SortKey | undefined;
      if (!key) continue;
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = th.textContent?.trim() ?? key;
      button.addEventListener('click', () => this.#sortBy(key));
      th.replaceChildren(button);
    }
  }

  // The CSV holds the table's columns and every row of the view (all matches, also past the display limit), in order.
  #downloadCsv(): void {
    const header = this.#headers.map((th) => cellText(th));
    const rows = this.#table.readAll().filter((r) => r.match);
    downloadCsv(
      header,
      rows.map((r) => r.el),
      this.dataset.csvName || 'nhiem-vu.csv',
    );
  }

  // The workbook holds the same rows and columns as the CSV.
  async #downloadXlsx(): Promise<void> {
    const rows = this.#table.readAll().filter((r) => r.match);
    const name = (this.dataset.csvName || 'nhiem-vu.csv').replace(/\.csv$/, '.xlsx');
    await downloadXlsx(
      this.#headers,
      rows.map((r) => r.el),
      name,
      this.dataset.asOf ?? '2000-01-01',
    );
  }
}

customElements.define('task-filter', TaskFilter);
