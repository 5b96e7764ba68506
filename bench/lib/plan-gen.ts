/** One synthetic plan: plan.json, tasks.csv and progress.csv, each task steered towards a chosen derived status. */
import { makeDate, type IsoDate } from '../../src/lib/dates';
import type { DerivedStatus } from '../../src/lib/status/status';
import { csvTable } from './csv-text';
import { dayBetween, futureDeadline, pastDeadline, type Deadline } from './deadlines';
import {
  organisationText,
  planBasis,
  purposeText,
  reportNote,
  taskContent,
  taskTitle,
  type PhraseContext,
} from './phrases';
import type { Random } from './random';
import { SECTION_TITLES, TOPICS } from './vocabulary';

/** A unit row: [id, name, short name]. */
type UnitRow = readonly [string, string, string];

/** What one plan is made of. */
export interface PlanSpec {
  id: string;
  year: number;
  /** [slug, wording] of the plan's topic. */
  topic: readonly [string, string];
  /** The unit that issues the plan. */
  issuer: UnitRow;
  taskCount: number;
  /** Monthly reports per task, ending in December (at most 12). */
  reportsPerTask: number;
  units: readonly UnitRow[];
  leaderIds: readonly string[];
}

/** The three files of a plan folder. */
export interface PlanFiles {
  plan: string;
  tasks: string;
  progress: string;
}

/** How often each derived status is aimed at. */
const OUTCOMES: readonly (readonly [DerivedStatus, number])[] = [
  ['done_on_time', 30],
  ['done_late', 12],
  ['in_progress', 30],
  ['overdue', 15],
  ['not_started', 13],
];

interface TaskDraft {
  id: string;
  outcome: DerivedStatus;
  deadline: Deadline;
  completion: IsoDate | undefined;
  lead: string[];
  ctx: PhraseContext;
}

/** Generates a plan folder's files. */
export function generatePlan(rng: Random, spec: PlanSpec): PlanFiles {
  const ctx: PhraseContext = {
    topic: spec.topic[1],
    unit: spec.issuer[1],
    code: `KH-${spec.issuer[2].split(' ')[0]}`,
    year: spec.year,
  };
  const sectionCount = Math.min(SECTION_TITLES.length, rng.int(4, 12));
  const titles = rng.sample(SECTION_TITLES, sectionCount);
  const sections = [
    { id: 'I', title: 'Mục đích, yêu cầu', summary: purposeText(rng, ctx) },
    { id: 'II', title: 'Nhiệm vụ, giải pháp trọng tâm' },
    ...titles.map((title, i) => ({ id: `II.${i + 1}`, parent: 'II', title })),
    { id: 'III', title: 'Tổ chức thực hiện', summary: organisationText(ctx) },
  ];
  const plan = {
    year: spec.year,
    title: `Kế hoạch ${spec.topic[1]} năm ${spec.year} của ${spec.issuer[1]}`,
    number: `${rng.int(1, 300)}/${ctx.code}`,
    issued_on: rng.chance(0.5)
      ? `${rng.int(2, 28)}/${rng.int(1, 2)}/${spec.year}`
      : makeDate(spec.year, rng.int(1, 2), rng.int(2, 28)),
    basis: planBasis(rng, ctx),
    summary: `Cụ thể hóa các nhiệm vụ, giải pháp về ${spec.topic[1]} năm ${spec.year}; phân công rõ đơn vị chủ trì, đơn vị phối hợp và thời gian hoàn thành.`,
    sections,
  };
  const taskRows: string[][] = [];
  const drafts: TaskDraft[] = [];
  for (const [section, numbers] of taskNumbers(rng, spec.taskCount, sectionCount)) {
    for (const n of numbers) {
      const { row, draft } = makeTask(rng, spec, ctx, `${section}.${n}`, section);
      taskRows.push(row);
      drafts.push(draft);
    }
  }
  const tasks = csvTable(
    ['id', 'section', 'title', 'content', 'directed_by', 'lead_units', 'support_units', 'timeline', 'due'],
    taskRows,
  );
  return { plan: `${JSON.stringify(plan, null, 2)}\n`, tasks, progress: progressCsv(rng, drafts, spec) };
}

/** Spreads tasks over the sections II.1 … II.k; numbered a, b, c … when a section has at most 26, else 1, 2, 3 …. */
function taskNumbers(rng: Random, count: number, sectionCount: number): [string, string[]][] {
  const perSection = new Array<number>(sectionCount).fill(0);
  for (let i = 0; i < count; i++) perSection[rng.int(0, sectionCount - 1)]!++;
  return perSection.map((n, s) => {
    const letters = n <= 26;
    return [
      `II.${s + 1}`,
      Array.from({ length: n }, (_, i) => (letters ? String.fromCharCode(97 + i) : String(i + 1))),
    ];
  });
}

function makeTask(
  rng: Random,
  spec: PlanSpec,
  planCtx: PhraseContext,
  id: string,
  section: string,
): { row: string[]; draft: TaskDraft } {
  const unitIds = spec.units.map((u) => u[0]);
  const lead = rng.sample(unitIds, rng.chance(0.15) ? 2 : 1);
  const others = unitIds.filter((u) => !lead.includes(u));
  const support = rng.weighted([
    ['', 30],
    ['*', 8],
    [rng.sample(others, rng.int(1, 4)).join(';'), 62],
  ] as const);
  const leaders = rng.sample(spec.leaderIds, rng.chance(0.2) ? 2 : 1);
  const topic = rng.chance(0.7) ? planCtx.topic : rng.pick(TOPICS)[1];
  const partnerId = rng.pick(others.length ? others : unitIds);
  const partner = spec.units.find((u) => u[0] === partnerId)!;
  const ctx: PhraseContext = { ...planCtx, topic, unit: partner[1] };
  const outcome = rng.weighted(OUTCOMES);
  const { deadline, completion } = steer(rng, outcome, spec.year);
  const row = [
    id,
    section,
    taskTitle(rng, ctx),
    taskContent(rng, ctx),
    leaders.join(';'),
    lead.join(';'),
    support,
    deadline.timeline,
    deadline.due,
  ];
  return { row, draft: { id, outcome, deadline, completion, lead, ctx } };
}

/** Picks a deadline and completion date that make the task end in the wanted status at the end of the year. */
function steer(
  rng: Random,
  outcome: DerivedStatus,
  year: number,
): { deadline: Deadline; completion: IsoDate | undefined } {
  const lastDone = `${year}-12-10`;
  switch (outcome) {
    case 'done_on_time': {
      const deadline = rng.chance(0.5) ? pastDeadline(rng, year) : futureDeadline(rng, year);
      const until = deadline.final < lastDone ? deadline.final : lastDone;
      return { deadline, completion: dayBetween(rng, `${year}-01-20`, until) };
    }
    case 'done_late': {
      const deadline = pastDeadline(rng, year);
      const dayAfter = new Date(Date.parse(deadline.final) + 86_400_000).toISOString().slice(0, 10);
      return { deadline, completion: dayBetween(rng, dayAfter, lastDone) };
    }
    case 'overdue':
      return { deadline: pastDeadline(rng, year), completion: undefined };
    default:
      return { deadline: futureDeadline(rng, year), completion: undefined };
  }
}

const STATUS_WORDS = {
  not_started: ['not_started', 'Chưa thực hiện'],
  in_progress: ['in_progress', 'Đang thực hiện'],
  done: ['done', 'Đã hoàn thành'],
} as const;

/** Every task's monthly reports, written month by month as offices append them. */
function progressCsv(rng: Random, drafts: readonly TaskDraft[], spec: PlanSpec): string {
  const firstMonth = 13 - spec.reportsPerTask;
  const perTask = drafts.map((d) => taskReports(rng, d, spec.year, firstMonth));
  const rows: string[][] = [];
  for (let m = 0; m < spec.reportsPerTask; m++) for (const reports of perTask) rows.push(reports[m]!);
  return csvTable(['task_id', 'as_of', 'status', 'percent', 'completed_on', 'note', 'reported_by'], rows);
}

function taskReports(rng: Random, d: TaskDraft, year: number, firstMonth: number): string[][] {
  const start =
    d.outcome === 'done_on_time' || d.outcome === 'done_late'
      ? firstMonth
      : rng.int(firstMonth, Math.max(firstMonth, 9));
  const waiting = d.outcome === 'not_started' || (d.outcome === 'overdue' && rng.chance(0.2));
  const target = d.completion ? 90 : rng.int(20, 95);
  const rows: string[][] = [];
  for (let month = firstMonth; month <= 12; month++) {
    const asOf = makeDate(year, month, rng.int(15, 25))!;
    const reporter = rng.chance(0.9) ? d.lead[0]! : rng.pick(d.lead);
    const written = rng.chance(0.1) ? `${Number(asOf.slice(8))}/${month}/${year}` : asOf;
    const word = (s: keyof typeof STATUS_WORDS) => STATUS_WORDS[s][rng.chance(0.08) ? 1 : 0];
    if (d.completion && asOf >= d.completion) {
      rows.push([
        d.id,
        written,
        word('done'),
        '100',
        d.completion,
        reportNote(rng, d.ctx, 'done', d.completion),
        reporter,
      ]);
    } else if (waiting || month < start) {
      rows.push([
        d.id,
        written,
        word('not_started'),
        rng.chance(0.5) ? '0' : '',
        '',
        reportNote(rng, d.ctx, 'waiting', asOf),
        reporter,
      ]);
    } else {
      const percent = Math.max(5, Math.min(95, Math.round((target * (month - start + 1)) / (13 - start))));
      const shown = rng.chance(0.08) ? '' : String(percent);
      rows.push([
        d.id,
        written,
        word('in_progress'),
        shown,
        '',
        reportNote(rng, d.ctx, 'progress', asOf, percent),
        reporter,
      ]);
    }
  }
  return rows;
}
