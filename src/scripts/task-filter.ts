/** <task-filter>: filters, searches and sorts the server-rendered task table in place, keeping the state in the URL. */
import { writeCsv } from '../lib/csv-write';
import {
  FILTER_KEYS, emptyQuery, keepKnownFilters, matchesTask, parseTaskQuery, searchTerms, writeTaskQuery,
  type FilterKey, type SortKey, type TaskFacets, type TaskQuery,
} from '../lib/task-query';
import { sortTaskRows, type TaskSortFields } from '../lib/task-sort';

interface Row {
  el: HTMLTableRowElement;
  facets: TaskFacets;
  sort: TaskSortFields;
  shown: boolean;
}

// A pause this long ends a burst of typing: the next keystroke starts a new history entry.
const TYPING_PAUSE_MS = 800;

const words = (value: string | undefined) => (value ? value.split(' ') : []);
const cellText = (cell: Element | undefined) => (cell?.textContent ?? '').replace(/\s+/g, ' ').trim();

class TaskFilter extends HTMLElement {
  #rows: Row[] = [];
  #query: TaskQuery = emptyQuery();
  #sorted = ':asc';
  #typing = false;
  #typingTimer: ReturnType<typeof setTimeout> | undefined;
  #form!: HTMLFormElement;
  #search!: HTMLInputElement;
  #headers: HTMLTableCellElement[] = [];
  #onPopState = () => this.#load();

  connectedCallback(): void {
    const form = this.querySelector('form');
    const tbody = this.querySelector('tbody');
    if (!form || !tbody) return;
    this.#form = form;
    this.#search = form.elements.namedItem('q') as HTMLInputElement;
    this.#headers = [...this.querySelectorAll<HTMLTableCellElement>('thead th')];
    this.#rows = readRows(tbody, this.#headers);
    this.#addSortButtons();
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.#endTyping();
    });
    form.addEventListener('change', (e) => {
      if (e.target !== this.#search) this.#update();
    });
    this.#search.addEventListener('input', () => this.#onType());
    this.#search.addEventListener('blur', () => this.#endTyping());
    form.querySelector('[data-action="clear"]')?.addEventListener('click', () => this.#clear());
    form.querySelector('[data-action="csv"]')?.addEventListener('click', () => this.#downloadCsv());
    window.addEventListener('popstate', this.#onPopState);
    this.#load();
    form.hidden = false;
  }

  disconnectedCallback(): void {
    window.removeEventListener('popstate', this.#onPopState);
  }

  /** Shows the view the URL asks for (first load, reload, back and forward). */
  #load(): void {
    this.#endTyping();
    const allowed = Object.fromEntries(FILTER_KEYS.map((key) => [key, new Set([...this.#select(key).options].map((o) => o.value))]));
    this.#query = keepKnownFilters(parseTaskQuery(location.search), allowed as Record<FilterKey, Set<string>>);
    for (const key of FILTER_KEYS) this.#select(key).value = this.#query.filters[key];
    this.#search.value = this.#query.q;
    this.#render();
    this.#writeUrl('replace');
  }

  #select(key: FilterKey): HTMLSelectElement {
    return this.#form.elements.namedItem(key) as HTMLSelectElement;
  }

  #update(): void {
    for (const key of FILTER_KEYS) this.#query.filters[key] = this.#select(key).value;
    this.#render();
    this.#writeUrl('push');
  }

  // The first keystroke of a burst adds a history entry; the rest of the burst only rewrites it.
  #onType(): void {
    this.#query.q = this.#search.value;
    this.#render();
    this.#writeUrl(this.#typing ? 'replace' : 'push');
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
    this.#writeUrl('push');
  }

  #sortBy(key: SortKey): void {
    const same = this.#query.sort === key;
    this.#query.sort = key;
    this.#query.dir = same && this.#query.dir === 'asc' ? 'desc' : 'asc';
    this.#render();
    this.#writeUrl('push');
  }

  #writeUrl(mode: 'push' | 'replace'): void {
    const search = writeTaskQuery(this.#query);
    if (search === location.search) return;
    const url = `${location.pathname}${search}${location.hash}`;
    if (mode === 'push') history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  }

  // Reads every row's state first, then writes only the rows that change.
  #render(): void {
    const { sort, dir } = this.#query;
    if (`${sort}:${dir}` !== this.#sorted) {
      this.#rows = sortTaskRows(this.#rows, sort, dir);
      const tbody = this.#rows[0]?.el.parentElement;
      const fragment = document.createDocumentFragment();
      for (const row of this.#rows) fragment.append(row.el);
      tbody?.append(fragment);
      this.#sorted = `${sort}:${dir}`;
    }
    const terms = searchTerms(this.#query.q);
    let shown = 0;
    for (const row of this.#rows) {
      const match = matchesTask(row.facets, this.#query, terms);
      if (match) shown++;
      if (match !== row.shown) {
        row.shown = match;
        row.el.hidden = !match;
      }
    }
    const count = this.querySelector('[data-count]');
    const text = `${shown} / ${this.#rows.length} nhiệm vụ`;
    if (count && count.textContent !== text) count.textContent = text;
    const empty = this.querySelector<HTMLElement>('[data-empty]');
    if (empty) empty.hidden = shown > 0;
    for (const th of this.#headers) {
      if (th.dataset.sort === sort && sort !== '') th.setAttribute('aria-sort', dir === 'asc' ? 'ascending' : 'descending');
      else th.removeAttribute('aria-sort');
    }
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

  // The CSV holds exactly what the table shows: its columns, and the rows shown in their order.
  #downloadCsv(): void {
    const header = this.#headers.map((th) => cellText(th));
    const rows = this.#rows.filter((r) => r.shown).map((r) => [...r.el.cells].map((c) => (cellText(c) === '—' ? '' : cellText(c))));
    const blob = new Blob([writeCsv(header, rows)], { type: 'text/csv;charset=utf-8' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = this.dataset.csvName || 'nhiem-vu.csv';
    link.hidden = true;
    this.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  }
}

function readRows(tbody: HTMLTableSectionElement, headers: readonly HTMLTableCellElement[]): Row[] {
  const column = (key: string) => headers.findIndex((th) => th.dataset.sort === key);
  const [title, unit, leader] = [column('title'), column('unit'), column('leader')];
  return [...tbody.rows].map((el, index) => {
    const d = el.dataset;
    const percent = d.percent ? Number(d.percent) : undefined;
    return {
      el,
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

customElements.define('task-filter', TaskFilter);
