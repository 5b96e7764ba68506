import { describe, expect, it } from 'vitest';
import { findDueSoon, findOverdue } from '../../../src/lib/status/deadlines';
import { countByStatus } from '../../../src/lib/status/evaluate';
import { judge, report, task } from '../../support/plan-fixture';

const AS_OF = '2024-11-30';

describe('status totals (countByStatus)', () => {
  it('counts every task once under its derived status', () => {
    const state = judge(
      [
        task('a', '2024-06-30'),
        task('b', '2024-12-31'),
        task('c', '2024-12-31'),
        task('d', '2024-06-30'),
        task('e', '2024-12-31'),
      ],
      [
        report('b', '2024-10-01', 'in_progress'),
        report('d', '2024-06-01', 'done'),
        report('e', '2024-11-01', 'done', { completedOn: '2024-11-01' }),
      ],
      AS_OF,
    );
    expect(countByStatus(state.tasks)).toEqual({
      overdue: 1,
      in_progress: 1,
      not_started: 1,
      done_late: 0,
      done_on_time: 2,
    });
  });

  it('gives zeros for no tasks', () => {
    expect(countByStatus([])).toEqual({ overdue: 0, in_progress: 0, not_started: 0, done_late: 0, done_on_time: 0 });
  });
});

describe('findOverdue', () => {
  it('lists overdue tasks only, longest overdue first, then by id', () => {
    const state = judge(
      [
        task('II.2', '2024-09-30'),
        task('II.10', '2024-03-31'),
        task('II.1', '2024-09-30'),
        task('III', '2024-12-31'),
        task('IV', '2024-01-31'),
      ],
      [report('IV', '2024-01-15', 'done')],
      AS_OF,
    );
    expect(findOverdue(state.tasks).map((t) => t.task.id)).toEqual(['II.10', 'II.1', 'II.2']);
  });
});

describe('findDueSoon (30 days after 30/11/2024)', () => {
  it.each([
    ['due on the as-of date', '2024-11-30', [], 0],
    ['due in 30 days', '2024-12-30', [], 30],
    ['due in 31 days (outside the window)', '2024-12-31', [], undefined],
    ['already overdue', '2024-11-29', [], undefined],
    ['done early', '2024-12-15', [report('t', '2024-11-20', 'done')], undefined],
    ['in progress, due in 15 days', '2024-12-15', [report('t', '2024-11-20', 'in_progress')], 15],
    ['a mid milestone in 1 day, final later', '2024-12-01;2025-03-31', [], 1],
    ['past milestone, next one outside', '2024-06-30;2025-06-30', [], undefined],
    ['a month expression (2024-12 means 31/12, 31 days away)', '2024-12', [], undefined],
  ])('%s', (_name, due, reports, daysLeft) => {
    const state = judge([task('t', due)], reports, AS_OF);
    expect(findDueSoon(state.tasks, AS_OF, 30)[0]?.daysLeft).toBe(daysLeft);
  });

  it('says whether the coming milestone is the final deadline', () => {
    const state = judge([task('a', '2024-12-10;2025-03-31'), task('b', '2024-12-20')], [], AS_OF);
    expect(findDueSoon(state.tasks, AS_OF, 30).map((d) => [d.state.task.id, d.milestone.date, d.isFinal])).toEqual([
      ['a', '2024-12-10', false],
      ['b', '2024-12-20', true],
    ]);
  });

  it('lists the soonest first, ties by task id', () => {
    const state = judge([task('c', '2024-12-20'), task('b', '2024-12-05'), task('a', '2024-12-20')], [], AS_OF);
    expect(findDueSoon(state.tasks, AS_OF, 30).map((d) => d.state.task.id)).toEqual(['b', 'a', 'c']);
  });
});
