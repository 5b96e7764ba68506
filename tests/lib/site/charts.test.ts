import { describe, expect, it } from 'vitest';
import type { StatusRow } from '../../../src/lib/status/breakdown';
import { toChartConfig } from '../../../src/lib/site/chart-config';
import { describeChart, doneLine, statusDoughnut, statusStackedBar } from '../../../src/lib/site/charts';
import { emptyCounts } from '../../../src/lib/status/evaluate';
import { STATUS_COLORS } from '../../../src/lib/site/status-colors';

const counts = { ...emptyCounts(), overdue: 1, in_progress: 8, done_on_time: 3 };
const rows: StatusRow[] = [
  { key: 'II.1', label: 'II.1', title: 'Phát huy', counts: { ...emptyCounts(), in_progress: 4 }, total: 4 },
  {
    key: 'II.3',
    label: 'II.3',
    title: 'Giải pháp',
    counts: { ...emptyCounts(), overdue: 1, in_progress: 2 },
    total: 3,
  },
];

describe('statusDoughnut', () => {
  it('has every status in display order with its fixed colour', () => {
    const spec = statusDoughnut(counts);
    expect(spec.series[0]!.values).toEqual([1, 8, 0, 0, 3]);
    expect(spec.series[0]!.colors).toEqual([
      STATUS_COLORS.overdue,
      STATUS_COLORS.in_progress,
      STATUS_COLORS.not_started,
      STATUS_COLORS.done_late,
      STATUS_COLORS.done_on_time,
    ]);
    expect(spec.labels[0]).toBe('Quá hạn, chưa hoàn thành');
  });
});

describe('statusStackedBar', () => {
  it('has one series per status some row has, each in its colour, one value per row', () => {
    const spec = statusStackedBar(rows);
    expect(spec.labels).toEqual(['II.1', 'II.3']);
    expect(spec.titles).toEqual(['II.1: Phát huy', 'II.3: Giải pháp']);
    expect(spec.series.map((s) => [s.label, s.colors[0], s.values])).toEqual([
      ['Quá hạn, chưa hoàn thành', STATUS_COLORS.overdue, [0, 1]],
      ['Đang thực hiện', STATUS_COLORS.in_progress, [4, 2]],
    ]);
  });
});

describe('doneLine', () => {
  it('labels month ends by month, a mid-month as-of date in full, and runs the axis to the task count', () => {
    const spec = doneLine(
      [
        { date: '2024-10-31', done: 1 },
        { date: '2024-11-15', done: 2 },
      ],
      12,
    );
    expect(spec.labels).toEqual(['10/2024', '15/11/2024']);
    expect(spec.titles).toEqual(['31/10/2024', '15/11/2024']);
    expect(spec.max).toBe(12);
  });
});

describe('describeChart (text alternative)', () => {
  it.each([
    [
      'doughnut',
      statusDoughnut(counts),
      'Biểu đồ tròn, tổng 12 nhiệm vụ. Quá hạn, chưa hoàn thành: 1; Đang thực hiện: 8; Chưa thực hiện: 0; Hoàn thành quá hạn: 0; Hoàn thành đúng hạn: 3.',
    ],
    [
      'stacked bar',
      statusStackedBar(rows),
      'Biểu đồ cột chồng theo tình trạng. II.1: Phát huy — Quá hạn, chưa hoàn thành 0, Đang thực hiện 4; II.3: Giải pháp — Quá hạn, chưa hoàn thành 1, Đang thực hiện 2.',
    ],
    [
      'line',
      doneLine([{ date: '2024-10-31', done: 1 }], 12),
      'Biểu đồ đường, nhiệm vụ đã hoàn thành (trên tổng 12). 31/10/2024: 1.',
    ],
  ])('states every number of a %s', (_kind, spec, text) => {
    expect(describeChart(spec)).toBe(text);
  });
});

describe('toChartConfig', () => {
  it('draws a doughnut without a chart legend (the table beside it is the legend)', () => {
    const config = toChartConfig(statusDoughnut(counts));
    expect(config.type).toBe('doughnut');
    expect(config.options?.plugins?.legend?.display).toBe(false);
    expect(config.data.datasets[0]!.data).toEqual([1, 8, 0, 0, 3]);
  });

  it('draws stacked horizontal bars in the status colours', () => {
    const config = toChartConfig(statusStackedBar(rows));
    if (config.type !== 'bar') throw new Error('expected a bar chart');
    expect(config.options?.indexAxis).toBe('y');
    expect(config.options?.scales?.x?.stacked).toBe(true);
    expect(config.options?.scales?.y?.stacked).toBe(true);
    expect(config.data.datasets.map((d) => d.backgroundColor)).toEqual([
      STATUS_COLORS.overdue,
      STATUS_COLORS.in_progress,
    ]);
  });

  it('draws the done line up to the number of tasks, with no animation', () => {
    const config = toChartConfig(doneLine([{ date: '2024-10-31', done: 1 }], 12));
    if (config.type !== 'line') throw new Error('expected a line chart');
    expect(config.options?.scales?.y?.max).toBe(12);
    expect(config.options?.animation).toBe(false);
  });

  it('shows the full section title in bar tooltips', () => {
    const config = toChartConfig(statusStackedBar(rows));
    if (config.type !== 'bar') throw new Error('expected a bar chart');
    const title = config.options?.plugins?.tooltip?.callbacks?.title as unknown as (
      items: { dataIndex: number }[],
    ) => string;
    expect(title([{ dataIndex: 1 }])).toBe('II.3: Giải pháp');
  });
});
