/** Turns a ChartSpec into a chart.js configuration (pure: no DOM; src/scripts/status-chart.ts draws it). */
import type { ChartConfiguration, ChartType, TooltipItem } from 'chart.js';
import type { ChartSpec } from './charts';

/** A configuration for one of the chart types the site uses. */
export type SiteChartConfig = ChartConfiguration<'doughnut'> | ChartConfiguration<'bar'> | ChartConfiguration<'line'>;

/** Options every chart shares: fills its box, draws at once (print and screenshots need no animation). */
const COMMON = { responsive: true, maintainAspectRatio: false, animation: false } as const;

/** The chart.js configuration that draws a spec, in the site's status colours. */
export function toChartConfig(spec: ChartSpec): SiteChartConfig {
  switch (spec.kind) {
    case 'doughnut':
      return doughnutConfig(spec);
    case 'stacked-bar':
      return stackedBarConfig(spec);
    case 'line':
      return lineConfig(spec);
  }
}

function doughnutConfig(spec: ChartSpec): ChartConfiguration<'doughnut'> {
  return {
    type: 'doughnut',
    data: {
      labels: spec.labels,
      datasets: spec.series.map((s) => ({
        label: s.label,
        data: s.values,
        backgroundColor: s.colors,
        borderColor: '#ffffff',
        borderWidth: 2,
      })),
    },
    // The legend is the numbers table beside the chart, so chart.js draws none.
    options: { ...COMMON, cutout: '55%', plugins: { legend: { display: false } } },
  };
}

function stackedBarConfig(spec: ChartSpec): ChartConfiguration<'bar'> {
  return {
    type: 'bar',
    data: {
      labels: spec.labels,
      datasets: spec.series.map((s) => ({
        label: s.label,
        data: s.values,
        backgroundColor: s.colors[0],
        maxBarThickness: 28,
      })),
    },
    options: {
      ...COMMON,
      indexAxis: 'y',
      scales: {
        x: { stacked: true, beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: 'Số nhiệm vụ' } },
        y: { stacked: true },
      },
      plugins: { legend: { position: 'bottom' }, tooltip: { callbacks: { title: titleFrom<'bar'>(spec) } } },
    },
  };
}

function lineConfig(spec: ChartSpec): ChartConfiguration<'line'> {
  return {
    type: 'line',
    data: {
      labels: spec.labels,
      datasets: spec.series.map((s) => ({
        label: s.label,
        data: s.values,
        borderColor: s.colors[0],
        backgroundColor: s.colors[0],
        pointRadius: 4,
        borderWidth: 3,
        tension: 0,
      })),
    },
    options: {
      ...COMMON,
      scales: {
        y: { beginAtZero: true, max: spec.max, ticks: { precision: 0 }, title: { display: true, text: 'Số nhiệm vụ' } },
      },
      plugins: { legend: { display: false }, tooltip: { callbacks: { title: titleFrom<'line'>(spec) } } },
    },
  };
}

/** Tooltips show the full name (section title, exact date) where the axis shows the short label. */
function titleFrom<T extends ChartType>(spec: ChartSpec): (items: TooltipItem<T>[]) => string {
  return (items) => spec.titles[items[0]?.dataIndex ?? 0] ?? '';
}
