/** The figures and tables of the Word report's three parts, for each plan of the period. */
import { formatDateVi } from '../../dates';
import { body, CM, dataTable, heading, spacer, type Blocks } from './kit';
import type { ProseBlock } from './prose';
import { tableXml, type CellContent, type TableBook } from './table';
import type { PlanState, TaskState } from '../../status/evaluate';
import type { Report, Unit } from '../../data/model';
import { changeOf, completedOn, formatChange, type PeriodReport, type PlanPeriod } from '../../status/period-report';
import { periodName } from '../../data/periods';
import { latestNotedReport } from '../../status/reporting';
import { lowerFirst } from '../report-text';
import { DERIVED_STATUSES, STATUS_LABELS } from '../../status/status';

/** What the parts are written from. */
export interface PartWriter {
  report: PeriodReport;
  units: ReadonlyMap<string, Unit>;
  /** A report's note with its date, as paragraphs for a table cell. */
  note: (report: Report) => Promise<ProseBlock[]>;
  /** The document's data tables. */
  tables: TableBook;
}

/** Parts I, II and III: for one plan, its content under numbered headings; for several, one numbered part per plan. */
export async function reportParts(writer: PartWriter): Promise<[Blocks, Blocks, Blocks]> {
  const several = writer.report.plans.length > 1;
  const parts: [Blocks, Blocks, Blocks] = [[], [], []];
  for (const [i, plan] of writer.report.plans.entries()) {
    const numbered = (n: number, text: string) =>
      several ? `${String.fromCharCode(97 + n)}) ${text}` : `${n + 1}. ${text}`;
    const title = several ? [heading(`${i + 1}. ${plan.state.plan.title}`)] : [];
    parts[0].push(...title, ...(await results(writer, plan, numbered)));
    parts[1].push(...title, ...shortcomings(writer, plan, numbered));
    parts[2].push(...title, ...ahead(writer, plan));
  }
  return parts;
}

type Numbered = (n: number, text: string) => string;

/** Part I: the figures at the cut-off, the change since the previous period, the tasks done in it, a table by task. */
async function results(writer: PartWriter, plan: PlanPeriod, numbered: Numbered): Promise<Blocks> {
  const { report } = writer;
  const c = plan.counts;
  const total = plan.state.tasks.length;
  const done = c.done_on_time + c.done_late;
  const share = total > 0 ? `, đạt ${formatPercent((100 * done) / total)}` : '';
  const change = changeOf(plan.counts, plan.previousCounts);
  const out: Blocks = [
    heading(numbered(0, 'Tình hình chung')),
    body(
      `Tổng số nhiệm vụ: ${total}. Tính đến ngày ${formatDateVi(report.cutoff)}: hoàn thành ${done} nhiệm vụ${share} (đúng hạn ${c.done_on_time}, quá hạn ${c.done_late}); đang thực hiện ${c.in_progress}; chưa thực hiện ${c.not_started}; quá hạn, chưa hoàn thành ${c.overdue}.`,
    ),
    body(`So với ${lowerFirst(periodName(report.previous))} (số liệu ngày ${formatDateVi(report.previousCutoff)}):`),
    dataTable(
      writer.tables,
      ['Tình trạng', formatDateVi(report.previousCutoff), formatDateVi(report.cutoff), 'Tăng (+), giảm (−)'],
      [6, 3.3, 3.3, 3.4],
      [
        ...DERIVED_STATUSES.map((s) => [
          STATUS_LABELS[s],
          String(plan.previousCounts[s]),
          String(c[s]),
          formatChange(change[s]),
        ]),
        ['Tổng số', String(plan.state.tasks.length), String(total), formatChange(0)],
      ],
      [1, 2, 3],
    ),
    spacer(),
    ...doneInPeriod(writer, plan),
    heading(numbered(1, 'Kết quả thực hiện từng nhiệm vụ')),
  ];
  out.push(writer.tables.add(await taskTable(writer, plan.state)), spacer());
  return out;
}

// Periods that share a cut-off (September, quarter III) share the plan judged then, and so its table by task.
const taskTables = new WeakMap<ReadonlyMap<string, Unit>, WeakMap<PlanState, string>>();

/** The table of every task of a plan at a cut-off, as WordprocessingML (docx-table.ts). */
async function taskTable(writer: PartWriter, state: PlanState): Promise<string> {
  const byState = taskTables.get(writer.units) ?? taskTables.set(writer.units, new WeakMap()).get(writer.units)!;
  let xml = byState.get(state);
  if (xml !== undefined) return xml;
  const rows: CellContent[][] = [];
  for (const t of state.tasks) {
    const note = latestNotedReport(t);
    const noted = note ? await writer.note(note) : '—';
    rows.push([t.task.id, t.task.title, unitNames(writer, t), formatDateVi(t.task.due.final), statusText(t), noted]);
  }
  xml = tableXml({
    headers: ['Số', 'Nhiệm vụ', 'Đơn vị chủ trì', 'Hạn cuối', 'Tình trạng', 'Kết quả (báo cáo gần nhất)'],
    widths: [1.3, 4, 2.2, 2.3, 2.4, 3.8].map((w) => Math.round(w * CM)),
    rows,
    centred: [3],
  });
  byState.set(state, xml);
  return xml;
}

/** The tasks done in the period (done at the cut-off, not at the previous one), as a sentence and a table. */
function doneInPeriod(writer: PartWriter, plan: PlanPeriod): Blocks {
  if (plan.newlyDone.length === 0) return [body('Trong kỳ không có nhiệm vụ nào hoàn thành thêm.')];
  return [
    body(`Trong kỳ có ${plan.newlyDone.length} nhiệm vụ hoàn thành:`),
    dataTable(
      writer.tables,
      ['Số', 'Nhiệm vụ', 'Đơn vị chủ trì', 'Hạn cuối', 'Ngày hoàn thành', 'Tình trạng'],
      [1.3, 5.2, 2.4, 2.3, 2.3, 2.5],
      plan.newlyDone.map((t) => [
        t.task.id,
        t.task.title,
        unitNames(writer, t),
        formatDateVi(t.task.due.final),
        formatDateVi(completedOn(t)),
        STATUS_LABELS[t.status],
      ]),
      [3, 4],
    ),
    spacer(),
  ];
}

/** Part II: overdue tasks (new in the period or carried over) and the units that did not report. */
function shortcomings(writer: PartWriter, plan: PlanPeriod, numbered: Numbered): Blocks {
  const { report } = writer;
  const overdue = [
    ...plan.newlyOverdue.map((o) => ({ ...o, since: 'Quá hạn trong kỳ' })),
    ...plan.stillOverdue.map((o) => ({ ...o, since: 'Quá hạn từ kỳ trước' })),
  ].sort((a, b) => b.days - a.days);
  const out: Blocks = [heading(numbered(0, 'Nhiệm vụ quá hạn, chưa hoàn thành'))];
  if (overdue.length === 0) out.push(body('Không có nhiệm vụ quá hạn, chưa hoàn thành.'));
  else {
    out.push(
      body(
        `Có ${overdue.length} nhiệm vụ quá hạn, chưa hoàn thành (${plan.newlyOverdue.length} nhiệm vụ quá hạn trong kỳ, ${plan.stillOverdue.length} nhiệm vụ quá hạn từ kỳ trước):`,
      ),
      dataTable(
        writer.tables,
        ['Số', 'Nhiệm vụ', 'Đơn vị chủ trì', 'Hạn cuối', 'Số ngày quá hạn', 'Ghi chú'],
        [1.3, 4.8, 2.4, 2.3, 1.8, 3.4],
        overdue.map((o) => [
          o.state.task.id,
          o.state.task.title,
          unitNames(writer, o.state),
          formatDateVi(o.state.task.due.final),
          String(o.days),
          `${o.since}; tiến độ ${o.state.percent ?? 0}%`,
        ]),
        [3, 4],
      ),
      spacer(),
    );
  }
  out.push(heading(numbered(1, 'Đơn vị chưa báo cáo trong kỳ')));
  const from = formatDateVi(report.period.start);
  const to = formatDateVi(report.cutoff);
  if (plan.silentUnits.length === 0)
    out.push(
      body(`Các đơn vị chủ trì nhiệm vụ chưa hoàn thành đều đã báo cáo trong kỳ (từ ngày ${from} đến ngày ${to}).`),
    );
  else {
    out.push(
      body(
        `Các đơn vị chủ trì nhiệm vụ chưa hoàn thành nhưng không gửi báo cáo trong kỳ (từ ngày ${from} đến ngày ${to}):`,
      ),
    );
    for (const s of plan.silentUnits)
      out.push(
        body(
          `- ${s.unit.name}: ${s.openTasks} nhiệm vụ chủ trì chưa hoàn thành; ${s.lastReport ? `báo cáo gần nhất ngày ${formatDateVi(s.lastReport)}` : 'chưa báo cáo lần nào'}.`,
        ),
      );
  }
  return out;
}

/** Part III: what falls due from the day after the cut-off to the end of the next period, and the overdue work to finish. */
function ahead(writer: PartWriter, plan: PlanPeriod): Blocks {
  const { report } = writer;
  const window = `từ ngày ${formatDateVi(report.ahead.from)} đến ngày ${formatDateVi(report.ahead.to)}`;
  const out: Blocks = [];
  if (plan.dueAhead.length === 0) out.push(body(`Trong thời gian tới (${window}), không có nhiệm vụ nào đến hạn.`));
  else
    out.push(
      body(`Trong thời gian tới (${window}), có ${plan.dueAhead.length} nhiệm vụ đến hạn, cần tập trung thực hiện:`),
      dataTable(
        writer.tables,
        ['Số', 'Nhiệm vụ', 'Đơn vị chủ trì', 'Thời hạn', 'Tình trạng hiện nay'],
        [1.3, 6.2, 2.6, 2.8, 3.1],
        plan.dueAhead.map((d) => [
          d.state.task.id,
          d.state.task.title,
          unitNames(writer, d.state),
          `${formatDateVi(d.milestone.date)}${d.isFinal ? '' : ' (mốc trung gian)'}`,
          statusText(d.state),
        ]),
        [3],
      ),
      spacer(),
    );
  const overdue = plan.counts.overdue;
  if (overdue > 0)
    out.push(
      body(
        `Tập trung chỉ đạo hoàn thành ${overdue} nhiệm vụ quá hạn nêu tại mục II; đôn đốc các đơn vị báo cáo đúng kỳ.`,
      ),
    );
  return out;
}

function statusText(t: TaskState): string {
  return t.percent !== undefined && t.status !== 'done_on_time' && t.status !== 'done_late'
    ? `${STATUS_LABELS[t.status]} (${t.percent}%)`
    : STATUS_LABELS[t.status];
}

// A task's lead units are named in several tables of every report: once per task and list of names.
const namesOfTask = new WeakMap<ReadonlyMap<string, Unit>, WeakMap<object, string>>();

function unitNames(writer: PartWriter, t: TaskState): string {
  const byTask = namesOfTask.get(writer.units) ?? namesOfTask.set(writer.units, new WeakMap()).get(writer.units)!;
  let names = byTask.get(t.task);
  if (names === undefined)
    byTask.set(t.task, (names = t.task.leadUnits.map((u) => writer.units.get(u)?.shortName ?? u).join(', ')));
  return names;
}

function formatPercent(value: number): string {
  return `${(Math.round(value * 10) / 10).toFixed(1).replace('.', ',')}%`;
}
