import { describe, expect, it } from 'vitest';
import type { Report } from '../../../src/lib/data/model';
import {
  diffStatuses,
  findNewReports,
  HISTORY_LIMIT,
  nextChangesFile,
  parseChangesFile,
  reportDigestText,
  type ExportedStatuses,
} from '../../../src/lib/status/updates';

const plan = (tasks: [string, ExportedStatuses['tasks'][number]['status']][]): ExportedStatuses => ({
  plan: { id: 'p', title: 'Kế hoạch' },
  tasks: tasks.map(([id, status]) => ({ id, title: `Việc ${id}`, status })),
});
const report = (taskId: string, asOf: string, percent?: number): Report => ({
  planId: 'p',
  taskId,
  asOf,
  status: 'in_progress',
  percent,
  note: '',
});
const digested = (r: Report) => ({ digest: reportDigestText(r), report: r, title: `Việc ${r.taskId}` });

describe('tasks whose status changed between releases', () => {
  it('lists changed, new and removed tasks in numbering order, and nothing else', () => {
    const before = [
      plan([
        ['I.10', 'in_progress'],
        ['I.2', 'in_progress'],
        ['I.3', 'not_started'],
        ['I.4', 'done_late'],
      ]),
    ];
    const after = [
      plan([
        ['I.2', 'overdue'],
        ['I.3', 'not_started'],
        ['I.10', 'done_on_time'],
        ['I.5', 'not_started'],
      ]),
    ];
    expect(diffStatuses(before, after).map((c) => [c.task, c.from, c.to])).toEqual([
      ['I.2', 'in_progress', 'overdue'],
      ['I.4', 'done_late', null],
      ['I.5', null, 'not_started'],
      ['I.10', 'in_progress', 'done_on_time'],
    ]);
  });
});

describe('new progress reports', () => {
  const old = [report('I.1', '2024-05-31', 40)];
  const now = [...old, report('I.1', '2024-06-30', 60), report('I.2', '2024-06-30')];

  it('lists the reports the previous release did not have, newest first', () => {
    const previous = new Set(old.map(reportDigestText));
    expect(findNewReports(previous, now.map(digested)).map((r) => [r.task, r.as_of, r.percent])).toEqual([
      ['I.1', '2024-06-30', 60],
      ['I.2', '2024-06-30', null],
    ]);
  });

  it('counts a corrected report as new', () => {
    const previous = new Set(old.map(reportDigestText));
    expect(findNewReports(previous, [digested(report('I.1', '2024-05-31', 45))])).toHaveLength(1);
  });

  it('lists none when there is nothing to compare with', () => {
    expect(findNewReports(undefined, now.map(digested))).toEqual([]);
  });
});

describe('the changes file of a release', () => {
  const first = nextChangesFile({
    release: 'r1',
    publishedAt: '2025-01-01T00:00:00.000Z',
    asOf: '2024-12-31',
    exports: [plan([['I.1', 'in_progress']])],
    reports: [digested(report('I.1', '2024-05-31'))],
  });

  it('says the first release had nothing to compare with', () => {
    expect(first.history).toEqual([
      {
        release: 'r1',
        published_at: '2025-01-01T00:00:00.000Z',
        previous: null,
        as_of: '2024-12-31',
        status_changes: [],
        new_reports: [],
      },
    ]);
    expect(first.report_digests).toHaveLength(1);
  });

  it('compares with the previous release and keeps its history after this one', () => {
    const second = nextChangesFile({
      release: 'r2',
      publishedAt: '2025-01-02T00:00:00.000Z',
      asOf: '2025-01-02',
      exports: [plan([['I.1', 'done_on_time']])],
      reports: [digested(report('I.1', '2024-05-31')), digested(report('I.1', '2024-12-20'))],
      previous: { release: 'r1', exports: [plan([['I.1', 'in_progress']])], changes: first },
    });
    expect(second.history.map((h) => h.release)).toEqual(['r2', 'r1']);
    expect(second.history[0]).toMatchObject({
      previous: 'r1',
      status_changes: [{ task: 'I.1', from: 'in_progress', to: 'done_on_time' }],
      new_reports: [{ as_of: '2024-12-20' }],
    });
    expect(parseChangesFile(JSON.stringify(second))).toEqual(second);
  });

  it(`keeps the last ${HISTORY_LIMIT} releases`, () => {
    let file = first;
    for (let i = 2; i <= HISTORY_LIMIT + 5; i++) {
      file = nextChangesFile({
        release: `r${i}`,
        publishedAt: '2025-01-02T00:00:00.000Z',
        asOf: '2025-01-02',
        exports: [],
        reports: [],
        previous: { release: `r${i - 1}`, exports: [], changes: file },
      });
    }
    expect(file.history).toHaveLength(HISTORY_LIMIT);
    expect(file.history[0]!.release).toBe(`r${HISTORY_LIMIT + 5}`);
  });

  it('refuses a file that is not a changes file', () => {
    expect(() => parseChangesFile('{"format":1,"history":[{}]}')).toThrow(/not a changes file: history\.0\.release/);
  });
});
