/**
 * The default data (data/, judged at 30/11/2024) at every quarter's end, counted by hand from tasks.csv and
 * progress.csv: the expected statuses below were written from the files, not from the code.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { indexPlans } from '../../../src/lib/status/archive-model';
import { countByStatus, judgePlanAt, type PlanHistory } from '../../../src/lib/status/evaluate';
import type { Dataset } from '../../../src/lib/data/model';
import { unitStatusRows } from '../../../src/lib/status/breakdown';
import { buildPeriodReport, judgePeriod, unitRows } from '../../../src/lib/status/period-report';
import { parsePeriod, previousPeriod } from '../../../src/lib/data/periods';
import type { DerivedStatus } from '../../../src/lib/status/status';
import { loadSiteFromDisk } from '../../../src/node/data/load-site';

const NS = 'not_started';
const IP = 'in_progress';
const OD = 'overdue';
const DL = 'done_late';
const DT = 'done_on_time';

/**
 * Per task, its status at the end of Q1, Q2, Q3 and at the Q4 cut-off (30/11/2024, the as-of date), and at 31/12/2024.
 * - II.1.a–II.2.d: due 31/12/2024 (ongoing; II.1.a also a May milestone); first reports 25–31/05 or 25–28/06, all
 *   in progress; II.2.b reports done on 31/10.
 * - II.3.a: due 30/06 (2024-Q2); in progress on 28/06, done on 20/08 (reported 30/08): late.
 * - II.3.b: due 30/06; never done: overdue from 01/07.
 * - II.3.c: milestones Q2, Q3, Q4: due 31/12; in progress from 31/05.
 * - II.3.d: due 31/12; one report on 31/10, not started.
 */
const EXPECTED: Record<string, [DerivedStatus, DerivedStatus, DerivedStatus, DerivedStatus, DerivedStatus]> = {
  'II.1.a': [NS, IP, IP, IP, IP],
  'II.1.b': [NS, IP, IP, IP, IP],
  'II.1.c': [NS, IP, IP, IP, IP],
  'II.1.d': [NS, IP, IP, IP, IP],
  'II.2.a': [NS, IP, IP, IP, IP],
  'II.2.b': [NS, IP, IP, DT, DT],
  'II.2.c': [NS, IP, IP, IP, IP],
  'II.2.d': [NS, IP, IP, IP, IP],
  'II.3.a': [NS, IP, DL, DL, DL],
  'II.3.b': [NS, IP, OD, OD, OD],
  'II.3.c': [NS, IP, IP, IP, IP],
  'II.3.d': [NS, NS, NS, NS, NS],
};

let dataset: Dataset;
let plan: PlanHistory;

beforeAll(() => {
  dataset = loadSiteFromDisk('data').dataset!;
  plan = indexPlans(dataset.plans)[0]!;
});

const statuses = (date: string) => Object.fromEntries(judgePlanAt(plan, date).tasks.map((t) => [t.task.id, t.status]));
const column = (i: number) => Object.fromEntries(Object.entries(EXPECTED).map(([id, s]) => [id, s[i]]));

describe('the default data at every quarter’s end', () => {
  it('is judged at 30/11/2024 and has the twelve tasks counted', () => {
    expect(dataset.site.asOf).toBe('2024-11-30');
    expect(plan.tasks.map((t) => t.id)).toEqual(Object.keys(EXPECTED));
  });

  it.each([
    ['2024-q1', '2024-03-31', 0],
    ['2024-q2', '2024-06-30', 1],
    ['2024-q3', '2024-09-30', 2],
    ['2024-q4', '2024-11-30', 3],
  ])('%s: judged at %s, every task has its hand-counted status', (id, cutoff, i) => {
    const state = judgePeriod(plan, parsePeriod(id)!, dataset.site.asOf);
    expect(state.asOf).toBe(cutoff);
    expect(Object.fromEntries(state.tasks.map((t) => [t.task.id, t.status]))).toEqual(column(i));
  });

  it('at 31/12/2024, the end of Q4, nothing due on that day is overdue yet', () => {
    expect(statuses('2024-12-31')).toEqual(column(4));
  });

  it.each([
    ['2024-03-31', { overdue: 0, in_progress: 0, not_started: 12, done_late: 0, done_on_time: 0 }],
    ['2024-06-30', { overdue: 0, in_progress: 11, not_started: 1, done_late: 0, done_on_time: 0 }],
    ['2024-09-30', { overdue: 1, in_progress: 9, not_started: 1, done_late: 1, done_on_time: 0 }],
    ['2024-11-30', { overdue: 1, in_progress: 8, not_started: 1, done_late: 1, done_on_time: 1 }],
  ])('counts at %s', (date, counts) => {
    expect(countByStatus(judgePlanAt(plan, date).tasks)).toEqual(counts);
  });
});

describe('what the default data’s periods report', () => {
  const report = (id: string) => {
    const period = parsePeriod(id)!;
    const asOf = dataset.site.asOf;
    return buildPeriodReport({
      period,
      asOf,
      at: [judgePeriod(plan, period, asOf)],
      before: [judgePeriod(plan, previousPeriod(period), asOf)],
      units: dataset.units,
    });
  };
  const ids = (tasks: readonly { task: { id: string } }[]) => tasks.map((t) => t.task.id);

  it('Q3: II.3.a done (late) in the quarter, II.3.b overdue for 92 days, nothing overdue before, every unit reported', () => {
    const q3 = report('2024-q3');
    const [p] = q3.plans;
    expect([q3.cutoff, q3.previous.id, q3.previousCutoff, q3.ended]).toEqual([
      '2024-09-30',
      '2024-q2',
      '2024-06-30',
      true,
    ]);
    expect(ids(p!.newlyDone)).toEqual(['II.3.a']);
    expect(p!.newlyOverdue.map((o) => [o.state.task.id, o.days])).toEqual([['II.3.b', 92]]);
    expect(p!.stillOverdue).toEqual([]);
    expect(p!.silentUnits).toEqual([]);
    // From 01/10 to 31/12 every unfinished task but the overdue II.3.b meets its deadline of 31/12.
    expect(ids(p!.dueAhead.map((d) => d.state))).toEqual([
      'II.1.a',
      'II.1.b',
      'II.1.c',
      'II.1.d',
      'II.2.a',
      'II.2.b',
      'II.2.c',
      'II.2.d',
      'II.3.c',
      'II.3.d',
    ]);
  });

  it('Q4 so far: II.2.b done on time, II.3.b still overdue (153 days at 30/11), two units silent since August', () => {
    const q4 = report('2024-q4');
    const [p] = q4.plans;
    expect([q4.cutoff, q4.ended]).toEqual(['2024-11-30', false]);
    expect(ids(p!.newlyDone)).toEqual(['II.2.b']);
    expect(p!.newlyOverdue).toEqual([]);
    expect(p!.stillOverdue.map((o) => [o.state.task.id, o.days])).toEqual([['II.3.b', 153]]);
    expect(p!.silentUnits.map((s) => [s.unit.id, s.openTasks, s.lastReport])).toEqual([
      ['kgvx', 3, '2024-08-28'],
      ['tt-cbth', 3, '2024-08-29'],
    ]);
  });

  it('November: Ban Tiếp công dân also silent (its last reports were on 31/10)', () => {
    expect(report('2024-11').plans[0]!.silentUnits.map((s) => [s.unit.id, s.openTasks])).toEqual([
      ['ban-tcd', 4],
      ['kgvx', 3],
      ['tt-cbth', 3],
    ]);
  });

  it('July: II.3.a and II.3.b both newly overdue; August: II.3.a done, II.3.b still overdue', () => {
    const july = report('2024-07').plans[0]!;
    expect(july.newlyOverdue.map((o) => [o.state.task.id, o.days])).toEqual([
      ['II.3.a', 31],
      ['II.3.b', 31],
    ]);
    const august = report('2024-08').plans[0]!;
    expect(ids(august.newlyDone)).toEqual(['II.3.a']);
    expect(august.stillOverdue.map((o) => o.state.task.id)).toEqual(['II.3.b']);
  });

  it('Q1 compares with Q4 of 2023, before any report: nothing changed but the count of tasks not started', () => {
    const q1 = report('2024-q1');
    expect(q1.previousCutoff).toBe('2023-12-31');
    expect(q1.previousCounts).toEqual(q1.counts);
  });
});

describe('counting by unit in one pass', () => {
  it('gives what the unit pages count, a unit named twice in lead_units counted once', () => {
    const state = judgePlanAt(plan, dataset.site.asOf);
    expect(unitRows(dataset.units, state.tasks)).toEqual(unitStatusRows(dataset.units, state.tasks));
    const twice = state.tasks.map((t) => ({
      ...t,
      task: { ...t.task, leadUnits: [...t.task.leadUnits, ...t.task.leadUnits] },
    }));
    expect(unitRows(dataset.units, twice)).toEqual(unitStatusRows(dataset.units, twice));
  });
});
