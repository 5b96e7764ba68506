import { describe, expect, it } from 'vitest';
import { doneOverTime, monthEnds } from '../../../src/lib/status/progress-history';
import { report } from '../../support/plan-fixture';

describe('monthEnds', () => {
  it.each([
    ['a whole number of months', '2024-05-10', '2024-08-31', ['2024-05-31', '2024-06-30', '2024-07-31', '2024-08-31']],
    ['ending mid-month at the as-of date', '2024-10-01', '2024-11-15', ['2024-10-31', '2024-11-15']],
    ['one day', '2024-11-15', '2024-11-15', ['2024-11-15']],
    ['across a new year and a leap February', '2023-12-20', '2024-02-29', ['2023-12-31', '2024-01-31', '2024-02-29']],
  ])('%s', (_name, from, to, expected) => {
    expect(monthEnds(from, to)).toEqual(expected);
  });
});

describe('doneOverTime (line of tasks done)', () => {
  const tasks = [
    { reports: [report('a', '2024-05-31', 'in_progress'), report('a', '2024-07-15', 'done')] },
    { reports: [report('b', '2024-06-30', 'done'), report('b', '2024-08-31', 'in_progress')] },
    { reports: [report('c', '2024-09-30', 'not_started')] },
    { reports: [] },
  ];

  it('counts, at each month end, the tasks whose latest report then says done', () => {
    expect(doneOverTime(tasks, '2024-09-30')).toEqual([
      { date: '2024-05-31', done: 0 },
      { date: '2024-06-30', done: 1 },
      { date: '2024-07-31', done: 2 },
      { date: '2024-08-31', done: 1 },
      { date: '2024-09-30', done: 1 },
    ]);
  });

  it('ends at the as-of date and ignores later reports', () => {
    expect(doneOverTime(tasks, '2024-07-20').at(-1)).toEqual({ date: '2024-07-20', done: 2 });
  });

  it('starts where asked', () => {
    expect(doneOverTime(tasks, '2024-06-30', '2024-04-01').map((p) => p.date)).toEqual([
      '2024-04-30',
      '2024-05-31',
      '2024-06-30',
    ]);
  });

  it('gives one point at the as-of date when nothing was reported', () => {
    expect(doneOverTime([{ reports: [] }], '2024-11-30')).toEqual([{ date: '2024-11-30', done: 0 }]);
  });
});
