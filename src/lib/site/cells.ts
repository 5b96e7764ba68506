/** What the tables' cells and the task page show, as escaped HTML: name lists, status badges, dates, percents, notes. */
import { formatDateVi } from '../dates';
import type { Leader, Task, Unit } from '../data/model';
import { STATUS_LABELS, type DerivedStatus } from '../status/status';
import { attr, html, joinHtml, trustedHtml, type SafeHtml } from './html';
import { renderMarkdown } from './markdown';
import { leaderPath, taskPath, unitPath, withBase } from './paths';

/** The units and leaders a plan's pages name; `archived`: the year's own names, shown without links to live pages. */
export interface NameBook {
  units: ReadonlyMap<string, Unit>;
  leaders: ReadonlyMap<string, Leader>;
  archived: boolean;
}

/** How a name list is written. */
export interface NameListOptions {
  /** The site base (import.meta.env.BASE_URL). */
  base: string;
  names: NameBook;
  /** Units by short name, with the full name in `title`. */
  short?: boolean;
}

/** Units or leaders by name, comma-separated, each linked to its page (unlinked on an archived plan's pages). */
export function renderNameList(
  ids: readonly string[],
  kind: 'unit' | 'leader',
  { base, names, short = false }: NameListOptions,
): SafeHtml {
  return joinHtml(
    ids.map((id) => {
      const unit = kind === 'unit' ? names.units.get(id) : undefined;
      const label =
        kind === 'leader' ? (names.leaders.get(id)?.title ?? id) : short ? (unit?.shortName ?? id) : (unit?.name ?? id);
      const title = attr('title', short ? unit?.name : undefined);
      // Live unit and leader pages show live tasks only, so an archived record names them without linking there.
      if (names.archived) return html`<span${title}>${label}</span>`;
      const href = withBase(base, kind === 'unit' ? unitPath(id) : leaderPath(id));
      return html`<a${attr('href', href)}${title}>${label}</a>`;
    }),
    ', ',
  );
}

/** A derived status as a coloured badge with its Vietnamese label. */
export function renderStatusBadge(status: DerivedStatus): SafeHtml {
  return html`<span class="badge"${attr('data-status', status)}>${STATUS_LABELS[status]}</span>`;
}

/** Markdown rendered and sanitised by renderMarkdown, in the `prose` block Markdown.astro writes; nothing for empty text. */
export async function renderProse(source: string | undefined): Promise<SafeHtml> {
  const sanitised = await renderMarkdown(source ?? '');
  return sanitised ? html`<div class="prose">${trustedHtml(sanitised)}</div>` : trustedHtml('');
}

/** A date as DD/MM/YYYY in a `<time>` element. */
export function renderDate(date: string): SafeHtml {
  return html`<time${attr('datetime', date)}>${formatDateVi(date)}</time>`;
}

/** A percent, or a dash when there is none. */
export function formatPercent(percent: number | undefined): string {
  return percent !== undefined ? `${percent}%` : '—';
}

/** The address of a task's page, under the site base. */
export function taskHref(base: string, task: Task): SafeHtml {
  return attr('href', withBase(base, taskPath(task.planId, task.id)));
}
