import { describe, expect, it } from 'vitest';
import { deriveStatus, explainStatus, latestReport, type StatusReport } from '../../../src/lib/status/status';
import { parseDue } from '../../../src/lib/data/due';

const r = (asOf: string, status: StatusReport['status'], completedOn?: string): StatusReport => ({
  asOf,
  status,
  completedOn,
});
const finalDue = (expr: string, year = 2024) => {
  const result = parseDue(expr, year);
  if (!result.ok) throw new Error(result.message);
  return result.due.final;
};

describe('deriveStatus', () => {
  it.each([
    // [case, due, reports, as of, expected]
    ['no report, not yet due', '2024-Q2', [], '2024-05-01', 'not_started'],
    ['no report, due today is not yet overdue', '2024-06-30', [], '2024-06-30', 'not_started'],
    ['no report, the day after the deadline', '2024-06-30', [], '2024-07-01', 'overdue'],
    ['latest not_started, not yet due', '2024-Q3', [r('2024-05-31', 'not_started')], '2024-06-15', 'not_started'],
    ['in progress before the deadline', '2024-Q3', [r('2024-05-31', 'in_progress')], '2024-06-15', 'in_progress'],
    ['in progress on the deadline', '2024-09-30', [r('2024-09-01', 'in_progress')], '2024-09-30', 'in_progress'],
    ['in progress past the deadline', '2024-Q2', [r('2024-06-01', 'in_progress')], '2024-07-01', 'overdue'],
    ['done on the deadline day', '2024-06-30', [r('2024-06-30', 'done', '2024-06-30')], '2024-12-31', 'done_on_time'],
    ['done a day late', '2024-06-30', [r('2024-07-05', 'done', '2024-07-01')], '2024-12-31', 'done_late'],
    [
      'done without completed_on counts its report date',
      '2024-06-30',
      [r('2024-07-02', 'done')],
      '2024-12-31',
      'done_late',
    ],
    ['leap day deadline met', '2024-02-29', [r('2024-02-29', 'done', '2024-02-29')], '2024-03-31', 'done_on_time'],
    ['leap day deadline, judged on 1 March', '29/2/2024', [r('2024-02-15', 'in_progress')], '2024-03-01', 'overdue'],
    [
      'quarter end: 30 June is inside Q2',
      '2024-Q2',
      [r('2024-06-30', 'done', '2024-06-30')],
      '2024-07-01',
      'done_on_time',
    ],
    ['quarter end: 1 July is past Q2', '2024-Q2', [r('2024-07-01', 'done', '2024-07-01')], '2024-07-01', 'done_late'],
    [
      'ongoing on 31 December is still running',
      'ongoing',
      [r('2024-12-01', 'in_progress')],
      '2024-12-31',
      'in_progress',
    ],
    ['ongoing across the year end is overdue', 'ongoing', [r('2024-12-01', 'in_progress')], '2025-01-01', 'overdue'],
    [
      'milestones: judged against the last one',
      '2024-Q2;2024-Q3;2024-Q4',
      [r('2024-10-31', 'in_progress')],
      '2024-11-30',
      'in_progress',
    ],
    ['milestones: past the last one', '2024-Q2;2024-Q4', [r('2024-10-31', 'in_progress')], '2025-01-02', 'overdue'],
    [
      'a report after the as-of date is ignored',
      '2024-Q4',
      [r('2024-06-01', 'in_progress'), r('2024-08-01', 'done')],
      '2024-07-01',
      'in_progress',
    ],
    [
      'only reports after the as-of date: not started',
      '2024-Q4',
      [r('2024-08-01', 'done')],
      '2024-07-01',
      'not_started',
    ],
    [
      'reopened after done: the latest decides',
      '2024-Q4',
      [r('2024-06-01', 'done'), r('2024-07-01', 'in_progress')],
      '2024-07-15',
      'in_progress',
    ],
  ] as const)('%s', (_case, due, reports, asOf, expected) => {
    expect(deriveStatus(finalDue(due), reports, asOf).status).toBe(expected);
  });
});

describe('latestReport', () => {
  it('takes the last row given when two reports share a date', () => {
    const a = r('2024-06-01', 'in_progress');
    const b = r('2024-06-01', 'done');
    expect(latestReport([a, b], '2024-06-30')).toBe(b);
  });
});

describe('explainStatus', () => {
  it.each([
    ['2024-06-30', [r('2024-06-01', 'in_progress')], '2024-07-12', 'quá hạn 12 ngày so với hạn 30/06/2024'],
    [
      '2024-06-30',
      [r('2024-08-20', 'done', '2024-08-20')],
      '2024-11-30',
      'hoàn thành ngày 20/08/2024, chậm 51 ngày so với hạn 30/06/2024',
    ],
    [
      '2024-12-31',
      [r('2024-10-31', 'done', '2024-10-31')],
      '2024-11-30',
      'hoàn thành ngày 31/10/2024, trong hạn 31/12/2024',
    ],
    ['2024-12-31', [], '2024-11-30', 'chưa có báo cáo; còn 31 ngày đến hạn 31/12/2024'],
    [
      '2024-12-31',
      [r('2024-11-29', 'in_progress')],
      '2024-11-30',
      'báo cáo ngày 29/11/2024: đang thực hiện; còn 31 ngày đến hạn 31/12/2024',
    ],
  ] as const)('says why in plain Vietnamese (due %s, as of %s)', (due, reports, asOf, text) => {
    expect(explainStatus(deriveStatus(due, reports, asOf))).toBe(text);
  });
});
