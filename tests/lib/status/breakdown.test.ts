import { describe, expect, it } from 'vitest';
import { sectionStatusRows, unitStatusRows } from '../../../src/lib/status/breakdown';
import { judge, report, task, unit } from '../../support/plan-fixture';

const AS_OF = '2024-11-30';
const SECTIONS = [
  { id: 'I', title: 'Mục đích' },
  { id: 'II', title: 'Nội dung' },
  { id: 'II.1', title: 'Phát huy', parent: 'II' },
  { id: 'II.2', title: 'Khắc phục', parent: 'II' },
];

describe('sectionStatusRows (stacked bar per section)', () => {
  it('gives one row per section holding tasks, in plan order, counting its own tasks', () => {
    const state = judge(
      [
        task('b', '2024-06-30', ['a'], { section: 'II.2' }),
        task('a', '2024-12-31', ['a'], { section: 'II.1' }),
        task('c', '2024-12-31', ['a'], { section: 'II.2' }),
      ],
      [report('a', '2024-11-01', 'in_progress'), report('c', '2024-10-01', 'done')],
      AS_OF,
      SECTIONS,
    );
    expect(sectionStatusRows(state).map((r) => [r.key, r.title, r.total, r.counts])).toEqual([
      ['II.1', 'Phát huy', 1, { overdue: 0, in_progress: 1, not_started: 0, done_late: 0, done_on_time: 0 }],
      ['II.2', 'Khắc phục', 2, { overdue: 1, in_progress: 0, not_started: 0, done_late: 0, done_on_time: 1 }],
    ]);
  });

  it('gives no rows for a plan without tasks', () => {
    expect(sectionStatusRows(judge([], [], AS_OF, SECTIONS))).toEqual([]);
  });
});

describe('unitStatusRows (stacked bar per unit)', () => {
  it('counts each task under every unit leading it, in the order units are given, skipping units that lead nothing', () => {
    const state = judge([task('t1', '2024-06-30', ['a', 'b']), task('t2', '2024-12-31', ['b'])], [], AS_OF);
    const rows = unitStatusRows([unit('c'), unit('b'), unit('a')], state.tasks);
    expect(rows.map((r) => [r.key, r.label, r.total, r.counts.overdue, r.counts.not_started])).toEqual([
      ['b', 'P.B', 2, 1, 1],
      ['a', 'P.A', 1, 1, 0],
    ]);
  });
});
