import { describe, expect, it } from 'vitest';
import { sortTaskRows, type TaskSortFields } from '../../../src/lib/site/task-sort';
import type { SortDir, SortKey } from '../../../src/lib/site/task-query';

let next = 0;
const row = (patch: Partial<TaskSortFields>): { sort: TaskSortFields } => ({
  sort: {
    plan: 'p',
    id: 'I.1',
    title: '',
    status: 'in_progress',
    percent: undefined,
    due: '2024-12-31',
    unit: '',
    leader: '',
    last: '',
    index: next++,
    ...patch,
  },
});
const order = (rows: { sort: TaskSortFields }[], key: SortKey | '', dir: SortDir, field: keyof TaskSortFields) =>
  sortTaskRows(rows, key, dir).map((r) => r.sort[field]);

describe('sorting the task index', () => {
  it('sorts titles in Vietnamese alphabetical order, not by code point', () => {
    const rows = ['Đôn đốc', 'Ủy quyền', 'Dự thảo', 'ăn ở', 'Ban hành', 'An toàn', 'Chấn chỉnh', 'Ẩn danh'].map(
      (title) => row({ title }),
    );
    expect(order(rows, 'title', 'asc', 'title')).toEqual([
      'An toàn',
      'ăn ở',
      'Ẩn danh',
      'Ban hành',
      'Chấn chỉnh',
      'Dự thảo',
      'Đôn đốc',
      'Ủy quyền',
    ]);
    expect(order(rows, 'title', 'desc', 'title')).toEqual([
      'Ủy quyền',
      'Đôn đốc',
      'Dự thảo',
      'Chấn chỉnh',
      'Ban hành',
      'Ẩn danh',
      'ăn ở',
      'An toàn',
    ]);
  });

  it('sorts ids in the plan numbering order (II before X, 2 before 10)', () => {
    const rows = ['X.1', 'II.10.a', 'II.2.b', 'II.2.a', 'IX.1', 'I.1'].map((id) => row({ id }));
    expect(order(rows, 'id', 'asc', 'id')).toEqual(['I.1', 'II.2.a', 'II.2.b', 'II.10.a', 'IX.1', 'X.1']);
  });

  it('sorts dates by date and percents by value', () => {
    const rows = [
      row({ due: '2024-06-30', percent: 9 }),
      row({ due: '2024-12-31', percent: 100 }),
      row({ due: '2024-03-31', percent: 85 }),
    ];
    expect(order(rows, 'due', 'asc', 'due')).toEqual(['2024-03-31', '2024-06-30', '2024-12-31']);
    expect(order(rows, 'due', 'desc', 'due')).toEqual(['2024-12-31', '2024-06-30', '2024-03-31']);
    expect(order(rows, 'percent', 'asc', 'percent')).toEqual([9, 85, 100]);
  });

  it.each<SortDir>(['asc', 'desc'])('puts rows without a value last (%s)', (dir) => {
    const rows = [
      row({ percent: undefined, last: '' }),
      row({ percent: 50, last: '2024-11-29' }),
      row({ percent: 0, last: '2024-05-31' }),
    ];
    expect(order(rows, 'percent', dir, 'percent').at(-1)).toBeUndefined();
    expect(order(rows, 'last', dir, 'last').at(-1)).toBe('');
  });

  it('sorts statuses in their display order, overdue first', () => {
    const rows = ['done_on_time', 'not_started', 'overdue', 'done_late', 'in_progress'].map((status) =>
      row({ status }),
    );
    expect(order(rows, 'status', 'asc', 'status')).toEqual([
      'overdue',
      'in_progress',
      'not_started',
      'done_late',
      'done_on_time',
    ]);
  });

  it('keeps the page order for ties and when no column is chosen', () => {
    const rows = [
      row({ index: 2, due: '2024-12-31' }),
      row({ index: 0, due: '2024-12-31' }),
      row({ index: 1, due: '2024-06-30' }),
    ];
    expect(order(rows, '', 'asc', 'index')).toEqual([0, 1, 2]);
    expect(order(rows, 'due', 'asc', 'index')).toEqual([1, 0, 2]);
    expect(order(rows, 'due', 'desc', 'index')).toEqual([0, 2, 1]);
  });
});
