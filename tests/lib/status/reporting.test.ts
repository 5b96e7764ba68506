import { describe, expect, it } from 'vitest';
import {
  findStaleUnits,
  lastReportByUnit,
  latestNotedReport,
  reportsByUnit,
  reportsOfUnit,
} from '../../../src/lib/status/reporting';
import { judge, report, task, unit } from '../../support/plan-fixture';

const AS_OF = '2024-11-30';

describe('who a report counts for', () => {
  it('counts a report for reported_by, or for the lead units when reported_by is empty', () => {
    const state = judge(
      [task('t1', '2024-12-31', ['a', 'b']), task('t2', '2024-12-31', ['c'])],
      [
        report('t1', '2024-10-01', 'in_progress'),
        report('t1', '2024-11-01', 'in_progress', { reportedBy: 'c' }),
        report('t2', '2024-09-01', 'in_progress'),
      ],
      AS_OF,
    );
    expect(Object.fromEntries(lastReportByUnit(state.tasks))).toEqual({
      a: '2024-10-01',
      b: '2024-10-01',
      c: '2024-11-01',
    });
  });

  it('ignores reports dated after the as-of date', () => {
    const state = judge(
      [task('t', '2024-12-31', ['a'])],
      [report('t', '2024-12-01', 'in_progress', { reportedBy: 'a' })],
      AS_OF,
    );
    expect(lastReportByUnit(state.tasks).has('a')).toBe(false);
  });
});

describe('reportsOfUnit', () => {
  it("lists a unit's reports on every task, newest first", () => {
    const state = judge(
      [task('t1', '2024-12-31', ['a']), task('t2', '2024-12-31', ['b'])],
      [
        report('t1', '2024-06-01', 'in_progress'),
        report('t2', '2024-08-01', 'in_progress', { reportedBy: 'a' }),
        report('t1', '2024-07-01', 'in_progress', { reportedBy: 'b' }),
        report('t1', '2024-09-01', 'done'),
      ],
      AS_OF,
    );
    expect(reportsOfUnit('a', state.tasks).map((r) => `${r.task.id}@${r.report.asOf}`)).toEqual([
      't1@2024-09-01',
      't2@2024-08-01',
      't1@2024-06-01',
    ]);
  });
});

describe('reportsByUnit', () => {
  it('gives every unit the same list as reportsOfUnit, a unit named twice counted once', () => {
    const state = judge(
      [task('t1', '2024-12-31', ['a', 'a', 'b']), task('t2', '2024-12-31', ['b'])],
      [
        report('t1', '2024-06-01', 'in_progress'),
        report('t2', '2024-08-01', 'in_progress', { reportedBy: 'a' }),
        report('t2', '2024-06-01', 'in_progress'),
        report('t1', '2024-07-01', 'in_progress', { reportedBy: 'b' }),
        report('t1', '2024-09-01', 'done'),
      ],
      AS_OF,
    );
    const byUnit = reportsByUnit(state.tasks);
    expect([...byUnit.keys()].sort()).toEqual(['a', 'b']);
    for (const unit of ['a', 'b']) expect(byUnit.get(unit)).toEqual(reportsOfUnit(unit, state.tasks));
  });
});

describe('findStaleUnits (45 days before 30/11/2024)', () => {
  it.each([
    ['reported 45 days ago: not stale', [report('t', '2024-10-16', 'in_progress', { reportedBy: 'a' })], undefined],
    ['reported 46 days ago: stale', [report('t', '2024-10-15', 'in_progress', { reportedBy: 'a' })], 46],
    ['never reported: stale, no date', [], null],
    ['only another unit reported on its task', [report('t', '2024-11-20', 'in_progress', { reportedBy: 'b' })], null],
    ['reported with reported_by empty on a task it leads', [report('t', '2024-11-20', 'in_progress')], undefined],
  ])('%s', (_name, reports, daysSince) => {
    const state = judge([task('t', '2024-12-31', ['a'])], reports, AS_OF);
    const stale = findStaleUnits([unit('a'), unit('b')], state.tasks, AS_OF, 45).find((s) => s.unit.id === 'a');
    expect(stale === undefined ? undefined : (stale.daysSince ?? null)).toBe(daysSince);
  });

  it('leaves out units whose tasks are all done, and units that lead nothing', () => {
    const state = judge(
      [task('t', '2024-12-31', ['a'])],
      [report('t', '2024-03-01', 'done', { reportedBy: 'a' })],
      AS_OF,
    );
    expect(findStaleUnits([unit('a'), unit('b')], state.tasks, AS_OF, 45)).toEqual([]);
  });

  it('lists units that never reported first, then the longest silent, then by Vietnamese name', () => {
    const state = judge(
      [
        task('t1', '2024-12-31', ['x']),
        task('t2', '2024-12-31', ['y']),
        task('t3', '2024-12-31', ['z']),
        task('t4', '2024-12-31', ['w']),
      ],
      [
        report('t2', '2024-08-01', 'in_progress'),
        report('t3', '2024-09-01', 'in_progress'),
        report('t4', '2024-09-01', 'in_progress'),
      ],
      AS_OF,
    );
    const units = [unit('x', 'Phòng X'), unit('y', 'Phòng Y'), unit('z', 'Ban Đ'), unit('w', 'Ban B')];
    expect(findStaleUnits(units, state.tasks, AS_OF, 45).map((s) => [s.unit.id, s.lastReport, s.openTasks])).toEqual([
      ['x', undefined, 1],
      ['y', '2024-08-01', 1],
      ['w', '2024-09-01', 1],
      ['z', '2024-09-01', 1],
    ]);
  });
});

describe('latestNotedReport', () => {
  it('skips newer reports with an empty note', () => {
    const state = judge(
      [task('t', '2024-12-31')],
      [report('t', '2024-10-01', 'in_progress', { note: 'Đã họp' }), report('t', '2024-11-01', 'in_progress')],
      AS_OF,
    );
    expect(latestNotedReport(state.tasks[0]!)?.asOf).toBe('2024-10-01');
  });
});
