/** Chart view models: what a status chart draws, built from the aggregations, with its text alternative. */
import type { StatusRow } from '../status/breakdown';
import { daysInMonth, formatDateVi, type IsoDate } from '../dates';
import type { StatusCounts } from '../status/evaluate';
import type { DonePoint } from '../status/progress-history';
import { DERIVED_STATUSES, STATUS_LABELS } from '../status/status';
import { STATUS_COLORS } from './status-colors';

/** The three kinds of chart the site draws. */
export type ChartKind = 'doughnut' | 'stacked-bar' | 'line';

/** One set of values: a doughnut's slices, one status across the bars, or one line. */
export interface ChartSeries {
  label: string;
  /** One colour for the series, or (doughnut) one per category. */
  colors: string[];
  values: number[];
}

/** Everything a chart draws; the same object fills the numbers table beside it. */
export interface ChartSpec {
  kind: ChartKind;
  /** Short label per category, drawn on the axis. */
  labels: string[];
  /** Full name per category, for tooltips and the numbers table. */
  titles: string[];
  series: ChartSeries[];
  /** The upper end of the value axis, when it has a natural one (all the tasks). */
  max?: number | undefined;
}

/** A doughnut of task counts per derived status, every status in display order. */
export function statusDoughnut(counts: StatusCounts): ChartSpec {
  const labels = DERIVED_STATUSES.map((s) => STATUS_LABELS[s]);
  return {
    kind: 'doughnut',
    labels,
    titles: labels,
    series: [
      {
        label: 'Số nhiệm vụ',
        colors: DERIVED_STATUSES.map((s) => STATUS_COLORS[s]),
        values: DERIVED_STATUSES.map((s) => counts[s]),
      },
    ],
  };
}

/** Stacked bars of status counts, one bar per row; statuses no row has are left out. */
export function statusStackedBar(rows: readonly StatusRow[]): ChartSpec {
  const present = DERIVED_STATUSES.filter((s) => rows.some((r) => r.counts[s] > 0));
  return {
    kind: 'stacked-bar',
    labels: rows.map((r) => r.label),
    titles: rows.map((r) => (r.label === r.title ? r.title : `${r.label}: ${r.title}`)),
    series: present.map((s) => ({
      label: STATUS_LABELS[s],
      colors: [STATUS_COLORS[s]],
      values: rows.map((r) => r.counts[s]),
    })),
  };
}

/** A line of tasks done at each month end; the axis runs up to the number of tasks. */
export function doneLine(points: readonly DonePoint[], totalTasks: number): ChartSpec {
  return {
    kind: 'line',
    labels: points.map((p) =>
      isMonthEnd(p.date) ? `${p.date.slice(5, 7)}/${p.date.slice(0, 4)}` : formatDateVi(p.date),
    ),
    titles: points.map((p) => formatDateVi(p.date)),
    series: [
      { label: 'Nhiệm vụ đã hoàn thành', colors: [STATUS_COLORS.done_on_time], values: points.map((p) => p.done) },
    ],
    max: totalTasks,
  };
}

/** A one-sentence text alternative that states every number the chart shows. */
export function describeChart(spec: ChartSpec): string {
  switch (spec.kind) {
    case 'doughnut': {
      const values = spec.series[0]?.values ?? [];
      const total = values.reduce((a, b) => a + b, 0);
      const parts = spec.titles.map((t, i) => `${t}: ${values[i] ?? 0}`);
      return `Biểu đồ tròn, tổng ${total} nhiệm vụ. ${parts.join('; ')}.`;
    }
    case 'stacked-bar': {
      const parts = spec.titles.map(
        (t, i) =>
          `${t} — ${spec.series.map((s) => `${s.label} ${s.values[i] ?? 0}`).join(', ') || 'không có nhiệm vụ'}`,
      );
      return `Biểu đồ cột chồng theo tình trạng. ${parts.join('; ')}.`;
    }
    case 'line': {
      const values = spec.series[0]?.values ?? [];
      const parts = spec.titles.map((t, i) => `${t}: ${values[i] ?? 0}`);
      return `Biểu đồ đường, ${spec.series[0]?.label.toLowerCase() ?? ''}${spec.max !== undefined ? ` (trên tổng ${spec.max})` : ''}. ${parts.join('; ')}.`;
    }
  }
}

function isMonthEnd(date: IsoDate): boolean {
  const [y, m, d] = date.split('-').map(Number);
  return daysInMonth(y!, m!) === d;
}
