/** Task-table rows, report-history rows, name lists and status badges as HTML strings (one string per table, not a component per cell). */
import { daysBetween, formatDateVi, type IsoDate } from '../dates';
import type { DueSoon } from '../status/deadlines';
import type { TaskState } from '../status/evaluate';
import { attr, html, joinHtml, trustedHtml, type SafeHtml } from './html';
import { renderMarkdown } from './markdown';
import type { Leader, Report, Task, Unit } from '../data/model';
import { leaderPath, taskPath, unitPath, withBase } from './paths';
import { latestNotedReport } from '../status/reporting';
import { REPORTED_LABELS, STATUS_LABELS, type DerivedStatus } from '../status/status';

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
async function renderProse(source: string | undefined): Promise<SafeHtml> {
  const sanitised = await renderMarkdown(source ?? '');
  return sanitised ? html`<div class="prose">${trustedHtml(sanitised)}</div>` : trustedHtml('');
}

/** What a task table shows besides the fixed columns. */
export interface TaskRowOptions {
  base: string;
  /** The names a task's plan uses (an archived plan's year has its own). */
  namesOf: (planId: string) => NameBook;
  /** The "Thời gian thực hiện" column: the plan's own wording of the timeline. */
  showTimeline: boolean;
  /** The "Báo cáo gần nhất" column: the latest report with a note, its date and the note. */
  showNote: boolean;
}

// A task is listed on many pages (its plan, sections, leaders and every unit involved; a `*` task on every unit page):
// each kind of row is written once per build. Keyed by the names lookup too, so another lookup never reuses a row.
const rowCache = new WeakMap<TaskRowOptions['namesOf'], Map<string, WeakMap<TaskState, string>>>();

function rowsFor({ namesOf, base, showTimeline, showNote }: TaskRowOptions): WeakMap<TaskState, string> {
  const byOptions = rowCache.get(namesOf) ?? rowCache.set(namesOf, new Map()).get(namesOf)!;
  const key = `${base} ${showTimeline} ${showNote}`;
  return byOptions.get(key) ?? byOptions.set(key, new WeakMap()).get(key)!;
}

/** The `<tr>` rows of TaskTable.astro, cells labelled (data-label) for the narrow-screen card layout. */
export async function renderTaskRows(tasks: readonly TaskState[], options: TaskRowOptions): Promise<string> {
  const cache = rowsFor(options);
  let out = '';
  for (const t of tasks) {
    let row = cache.get(t);
    if (row === undefined) cache.set(t, (row = (await renderTaskRow(t, options)).value));
    out += row;
  }
  return out;
}

async function renderTaskRow(
  t: TaskState,
  { base, namesOf, showTimeline, showNote }: TaskRowOptions,
): Promise<SafeHtml> {
  const { task } = t;
  const names = { base, names: namesOf(task.planId) };
  return html`<tr>${renderTaskCells(task, base)}\
<td data-label="Tình trạng">${renderStatusBadge(t.status)}</td>\
<td data-label="Tiến độ" class="num">${formatPercent(t.percent)}</td>\
<td data-label="Hạn cuối">${renderDate(task.due.final)}</td>\
${showTimeline && html`<td data-label="Thời gian thực hiện">${task.timeline}</td>`}\
<td data-label="Chỉ đạo">${renderNameList(task.directedBy, 'leader', names)}</td>\
<td data-label="Đơn vị tham mưu">${renderNameList(task.leadUnits, 'unit', { ...names, short: true })}</td>\
${showNote && html`<td data-label="Báo cáo gần nhất" class="note">${await renderLatestNote(t)}</td>`}</tr>`;
}

async function renderLatestNote(t: TaskState): Promise<SafeHtml> {
  const note = latestNotedReport(t);
  if (!note) return html`<span class="muted">Chưa có</span>`;
  return html`<time${attr('datetime', note.asOf)} class="muted">${formatDateVi(note.asOf)}</time>${await renderProse(note.note)}`;
}

/** How a task page's report history is written. */
export interface ReportRowOptions {
  base: string;
  /** The names of the task's plan. */
  names: NameBook;
}

/** The `<tr>` rows of a task page's report history, in the order given (newest first). */
export async function renderReportRows(reports: readonly Report[], { base, names }: ReportRowOptions): Promise<string> {
  const rows: string[] = [];
  for (const r of reports) {
    const completed = r.completedOn && r.status === 'done' ? ` ngày ${formatDateVi(r.completedOn)}` : '';
    const unit = r.reportedBy ? renderNameList([r.reportedBy], 'unit', { base, names, short: true }) : '—';
    rows.push(
      html`<tr><td data-label="Ngày báo cáo">${renderDate(r.asOf)}</td>\
<td data-label="Tình trạng">${REPORTED_LABELS[r.status]}${completed}</td>\
<td data-label="Tiến độ" class="num">${formatPercent(r.percent)}</td>\
<td data-label="Ghi chú">${await renderProse(r.note)}</td>\
<td data-label="Đơn vị báo cáo">${unit}</td></tr>`.value,
    );
  }
  return rows.join('');
}

/** Where the dashboard's tables name units: the live year's names. */
export interface DashboardRowOptions {
  base: string;
  names: NameBook;
}

/** The `<tr>` rows of OverdueTable.astro: days past the final deadline at asOf, lead units, percent, last report. */
export function renderOverdueRows(
  tasks: readonly TaskState[],
  asOf: IsoDate,
  { base, names }: DashboardRowOptions,
): string {
  return joinHtml(
    tasks.map(
      (t) => html`<tr>${renderTaskCells(t.task, base)}\
<td data-label="Hạn cuối">${renderDate(t.task.due.final)}</td>\
<td data-label="Quá hạn" class="num">${daysBetween(t.task.due.final, asOf)} ngày</td>\
<td data-label="Đơn vị chủ trì">${renderNameList(t.task.leadUnits, 'unit', { base, names, short: true })}</td>\
<td data-label="Tiến độ" class="num">${formatPercent(t.percent)}</td>\
<td data-label="Báo cáo gần nhất">${t.lastReport ? renderDate(t.lastReport) : 'Chưa có'}</td></tr>`,
    ),
  ).value;
}

/** The `<tr>` rows of DueSoonTable.astro: the coming milestone, days left, status, percent, lead units. */
export function renderDueSoonRows(items: readonly DueSoon[], { base, names }: DashboardRowOptions): string {
  return joinHtml(
    items.map(
      ({ state: t, milestone, isFinal, daysLeft }) => html`<tr>${renderTaskCells(t.task, base)}\
<td data-label="Đến hạn">${renderDate(milestone.date)}${isFinal ? ' (hạn cuối)' : ' (mốc)'}</td>\
<td data-label="Còn" class="num">${daysLeft === 0 ? 'Hôm nay' : `${daysLeft} ngày`}</td>\
<td data-label="Tình trạng">${renderStatusBadge(t.status)}</td>\
<td data-label="Tiến độ" class="num">${formatPercent(t.percent)}</td>\
<td data-label="Đơn vị chủ trì">${renderNameList(t.task.leadUnits, 'unit', { base, names, short: true })}</td></tr>`,
    ),
  ).value;
}

/** The first two cells of every task table: the task's number and title, both linked to its page. */
function renderTaskCells(task: Task, base: string): SafeHtml {
  const href = attr('href', withBase(base, taskPath(task.planId, task.id)));
  return html`<td data-label="Số"><a${href}>${task.id}</a></td><td data-label="Nhiệm vụ"><a${href}>${task.title}</a></td>`;
}

function renderDate(date: string): SafeHtml {
  return html`<time${attr('datetime', date)}>${formatDateVi(date)}</time>`;
}

function formatPercent(percent: number | undefined): string {
  return percent !== undefined ? `${percent}%` : '—';
}
