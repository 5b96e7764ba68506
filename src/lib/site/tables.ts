/**
 * The site's tables, each defined once by its columns: a column's header is both the header cell and the `data-label`
 * the phone layout shows beside each of its cells, so the two cannot drift. Written as HTML strings (one string per
 * table, not a component per cell) for CardTable.astro.
 */
import { daysBetween, formatDateVi, type IsoDate } from '../dates';
import type { Report, Task } from '../data/model';
import type { DueSoon } from '../status/deadlines';
import type { TaskState } from '../status/evaluate';
import { completedOn, type SilentUnit } from '../status/period-report';
import { latestNotedReport, type StaleUnit, type UnitReport } from '../status/reporting';
import { REPORTED_LABELS } from '../status/status';
import {
  formatPercent,
  renderDate,
  renderNameList,
  renderProse,
  renderStatusBadge,
  taskHref,
  type NameBook,
} from './cells';
import { attr, html, joinHtml, toHtml, type HtmlValue, type SafeHtml } from './html';
import { unitPath, withBase } from './paths';

/** One column of a table: its header, and what each row shows in it. */
export interface Column<Row> {
  header: string;
  /** `num`: figures, right-aligned (header and cells); `note`: a report's note (cells only). */
  class?: 'num' | 'note';
  cell: (row: Row) => HtmlValue | Promise<HtmlValue>;
}

/** A table as CardTable.astro writes it: the header's cells and the rows, as HTML. */
export interface TableHtml {
  head: string;
  rows: string;
}

/** A table's columns as written once: the header's `<th>` cells, and each column's `<td …>` opening tag and cell. */
interface Layout<Row> {
  head: string;
  cells: { open: string; cell: Column<Row>['cell'] }[];
}

function layOut<Row>(columns: readonly Column<Row>[]): Layout<Row> {
  const num = (c: Column<Row>) => attr('class', c.class === 'num' ? 'num' : undefined);
  return {
    head: joinHtml(columns.map((c) => html`<th scope="col"${num(c)}>${c.header}</th>`)).value,
    cells: columns.map((c) => ({
      open: html`<td${attr('data-label', c.header)}${attr('class', c.class)}>`.value,
      cell: c.cell,
    })),
  };
}

/** One `<tr>`, each cell labelled with its column's header. */
async function tableRow<Row>(layout: Layout<Row>, row: Row): Promise<string> {
  let out = '<tr>';
  for (const { open, cell } of layout.cells) {
    const value = cell(row);
    out += `${open}${toHtml(value instanceof Promise ? await value : value)}</td>`;
  }
  return `${out}</tr>`;
}

/** A table of these rows, in the order given. */
async function renderTable<Row>(columns: readonly Column<Row>[], rows: readonly Row[]): Promise<TableHtml> {
  const layout = layOut(columns);
  let out = '';
  for (const row of rows) out += await tableRow(layout, row);
  return { head: layout.head, rows: out };
}

/** fn, remembering its value for the last row: cells of one row that need the same value compute it once. */
function perRow<Row, Value>(fn: (row: Row) => Value): (row: Row) => Value {
  let last: Row | undefined;
  let value!: Value;
  return (row) => (row === last ? value : ((last = row), (value = fn(row))));
}

/** The first two columns of every task table: the task's number and title, both linked to its page. */
function taskColumns(base: string): Column<Task>[] {
  const href = perRow((task: Task) => taskHref(base, task));
  return [
    { header: 'Số', cell: (task) => html`<a${href(task)}>${task.id}</a>` },
    { header: 'Nhiệm vụ', cell: (task) => html`<a${href(task)}>${task.title}</a>` },
  ];
}

/** A column of another kind of row, read through the task it is about. */
function ofTask<Row>(column: Column<Task>, task: (row: Row) => Task): Column<Row> {
  return { ...column, cell: (row) => column.cell(task(row)) };
}

/** What a task table shows besides the fixed columns. */
export interface TaskTableOptions {
  base: string;
  /** The names a task's plan uses (an archived plan's year has its own). */
  namesOf: (planId: string) => NameBook;
  /** The "Thời gian thực hiện" column: the plan's own wording of the timeline (shown unless false). */
  showTimeline?: boolean;
  /** The "Báo cáo gần nhất" column: the latest report with a note, its date and the note (shown when true). */
  showNote?: boolean;
}

function taskTableColumns({
  base,
  namesOf,
  showTimeline = true,
  showNote = false,
}: TaskTableOptions): Column<TaskState>[] {
  const names = perRow((t: TaskState) => ({ base, names: namesOf(t.task.planId) }));
  const columns: (Column<TaskState> | false)[] = [
    ...taskColumns(base).map((c) => ofTask(c, (t: TaskState) => t.task)),
    { header: 'Tình trạng', cell: (t) => renderStatusBadge(t.status) },
    { header: 'Tiến độ', class: 'num', cell: (t) => formatPercent(t.percent) },
    { header: 'Hạn cuối', cell: (t) => renderDate(t.task.due.final) },
    showTimeline && { header: 'Thời gian thực hiện', cell: (t) => t.task.timeline },
    { header: 'Chỉ đạo', cell: (t) => renderNameList(t.task.directedBy, 'leader', names(t)) },
    {
      header: 'Đơn vị tham mưu',
      cell: (t) => renderNameList(t.task.leadUnits, 'unit', { ...names(t), short: true }),
    },
    showNote && { header: 'Báo cáo gần nhất', class: 'note', cell: renderLatestNote },
  ];
  return columns.filter((c) => c !== false);
}

async function renderLatestNote(t: TaskState): Promise<SafeHtml> {
  const note = latestNotedReport(t);
  if (!note) return html`<span class="muted">Chưa có</span>`;
  return html`<time${attr('datetime', note.asOf)} class="muted">${formatDateVi(note.asOf)}</time>${await renderProse(note.note)}`;
}

// A task is listed on many pages (its plan, sections, leaders and every unit involved; a `*` task on every unit page):
// each kind of row is written once per build. Keyed by the names lookup too, so another lookup never reuses a row.
const taskTables = new WeakMap<
  TaskTableOptions['namesOf'],
  Map<string, { layout: Layout<TaskState>; rows: WeakMap<TaskState, string> }>
>();

function taskTableFor(options: TaskTableOptions) {
  const { namesOf, base, showTimeline = true, showNote = false } = options;
  const byOptions = taskTables.get(namesOf) ?? taskTables.set(namesOf, new Map()).get(namesOf)!;
  const key = `${base} ${showTimeline} ${showNote}`;
  let table = byOptions.get(key);
  if (!table) byOptions.set(key, (table = { layout: layOut(taskTableColumns(options)), rows: new WeakMap() }));
  return table;
}

/** The task table of plan, section, unit and leader pages: number, title, status, percent, deadline, leaders, lead units. */
export async function renderTaskTable(tasks: readonly TaskState[], options: TaskTableOptions): Promise<TableHtml> {
  const { layout, rows: cache } = taskTableFor(options);
  let rows = '';
  for (const t of tasks) {
    let row = cache.get(t);
    if (row === undefined) cache.set(t, (row = await tableRow(layout, t)));
    rows += row;
  }
  return { head: layout.head, rows };
}

/** Where the dashboard's tables link and how they name units: the live year's names. */
export interface DashboardTableOptions {
  base: string;
  names: NameBook;
}

/** The dashboard's overdue tasks: days past the final deadline at asOf, lead units, percent, last report. */
export function renderOverdueTable(
  tasks: readonly TaskState[],
  asOf: IsoDate,
  { base, names }: DashboardTableOptions,
): Promise<TableHtml> {
  return renderTable<TaskState>(
    [
      ...taskColumns(base).map((c) => ofTask(c, (t: TaskState) => t.task)),
      { header: 'Hạn cuối', cell: (t) => renderDate(t.task.due.final) },
      { header: 'Quá hạn', class: 'num', cell: (t) => `${daysBetween(t.task.due.final, asOf)} ngày` },
      {
        header: 'Đơn vị chủ trì',
        cell: (t) => renderNameList(t.task.leadUnits, 'unit', { base, names, short: true }),
      },
      { header: 'Tiến độ', class: 'num', cell: (t) => formatPercent(t.percent) },
      { header: 'Báo cáo gần nhất', cell: (t) => (t.lastReport ? renderDate(t.lastReport) : 'Chưa có') },
    ],
    tasks,
  );
}

/** The dashboard's coming deadlines: the milestone, days left, status, percent, lead units. */
export function renderDueSoonTable(
  items: readonly DueSoon[],
  { base, names }: DashboardTableOptions,
): Promise<TableHtml> {
  return renderTable<DueSoon>(
    [
      ...taskColumns(base).map((c) => ofTask(c, (d: DueSoon) => d.state.task)),
      {
        header: 'Đến hạn',
        cell: (d) => html`${renderDate(d.milestone.date)}${d.isFinal ? ' (hạn cuối)' : ' (mốc)'}`,
      },
      { header: 'Còn', class: 'num', cell: (d) => (d.daysLeft === 0 ? 'Hôm nay' : `${d.daysLeft} ngày`) },
      { header: 'Tình trạng', cell: (d) => renderStatusBadge(d.state.status) },
      { header: 'Tiến độ', class: 'num', cell: (d) => formatPercent(d.state.percent) },
      {
        header: 'Đơn vị chủ trì',
        cell: (d) => renderNameList(d.state.task.leadUnits, 'unit', { base, names, short: true }),
      },
    ],
    items,
  );
}

/** The dashboard's units that went quiet: the unit, its last report, days since, unfinished tasks it leads. */
export function renderStaleUnitsTable(units: readonly StaleUnit[], base: string): Promise<TableHtml> {
  return renderTable<StaleUnit>(
    [
      {
        header: 'Đơn vị',
        cell: (s) => html`<a${attr('href', withBase(base, unitPath(s.unit.id)))}>${s.unit.name}</a>`,
      },
      { header: 'Báo cáo gần nhất', cell: (s) => (s.lastReport ? renderDate(s.lastReport) : 'Chưa báo cáo lần nào') },
      { header: 'Số ngày chưa báo cáo', class: 'num', cell: (s) => s.daysSince ?? '—' },
      { header: 'Nhiệm vụ chủ trì chưa xong', class: 'num', cell: (s) => s.openTasks },
    ],
    units,
  );
}

/** A period report's tasks done in the period: number and title, final deadline, completion date, status, lead units. */
export function renderDoneInPeriodTable(
  tasks: readonly TaskState[],
  { base, names }: DashboardTableOptions,
): Promise<TableHtml> {
  return renderTable<TaskState>(
    [
      ...taskColumns(base).map((c) => ofTask(c, (t: TaskState) => t.task)),
      { header: 'Hạn cuối', cell: (t) => renderDate(t.task.due.final) },
      { header: 'Ngày hoàn thành', cell: (t) => renderDate(completedOn(t)) },
      { header: 'Tình trạng', cell: (t) => renderStatusBadge(t.status) },
      {
        header: 'Đơn vị chủ trì',
        cell: (t) => renderNameList(t.task.leadUnits, 'unit', { base, names, short: true }),
      },
    ],
    tasks,
  );
}

/** A period report's units that lead unfinished tasks and sent no report in the period, with their last report. */
export function renderSilentUnitsTable(units: readonly SilentUnit[], base: string): Promise<TableHtml> {
  return renderTable<SilentUnit>(
    [
      {
        header: 'Đơn vị',
        cell: (s) => html`<a${attr('href', withBase(base, unitPath(s.unit.id)))}>${s.unit.name}</a>`,
      },
      { header: 'Nhiệm vụ chủ trì chưa hoàn thành', class: 'num', cell: (s) => s.openTasks },
      { header: 'Báo cáo gần nhất', cell: (s) => (s.lastReport ? renderDate(s.lastReport) : 'Chưa báo cáo lần nào') },
    ],
    units,
  );
}

// The columns every list of reports has: a unit's latest reports and a task's report history.
const REPORT_DATE: Column<UnitReport> = { header: 'Ngày báo cáo', cell: ({ report }) => renderDate(report.asOf) };
const REPORT_COLUMNS: Column<UnitReport>[] = [
  { header: 'Tình trạng', cell: ({ report }) => reportedStatus(report) },
  { header: 'Tiến độ', class: 'num', cell: ({ report }) => formatPercent(report.percent) },
  { header: 'Ghi chú', cell: ({ report }) => renderProse(report.note) },
];

function reportedStatus(r: Report): string {
  const completed = r.completedOn && r.status === 'done' ? ` ngày ${formatDateVi(r.completedOn)}` : '';
  return `${REPORTED_LABELS[r.status]}${completed}`;
}

/** A unit's reports, in the order given (newest first): date, the task (linked), status, percent, note. */
export function renderUnitReportTable(reports: readonly UnitReport[], base: string): Promise<TableHtml> {
  return renderTable<UnitReport>(
    [
      REPORT_DATE,
      { header: 'Nhiệm vụ', cell: ({ task }) => html`<a${taskHref(base, task)}>${task.id}. ${task.title}</a>` },
      ...REPORT_COLUMNS,
    ],
    reports,
  );
}

/** A task page's report history, in the order given (newest first): date, status, percent, note, the unit that reported. */
export function renderReportHistoryTable(
  task: Task,
  reports: readonly Report[],
  { base, names }: { base: string; names: NameBook },
): Promise<TableHtml> {
  return renderTable<UnitReport>(
    [
      REPORT_DATE,
      ...REPORT_COLUMNS,
      {
        header: 'Đơn vị báo cáo',
        cell: ({ report }) =>
          report.reportedBy ? renderNameList([report.reportedBy], 'unit', { base, names, short: true }) : '—',
      },
    ],
    reports.map((report) => ({ report, task })),
  );
}
