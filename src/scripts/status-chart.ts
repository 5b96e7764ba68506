/** <status-chart>: draws the chart described by the JSON block inside it onto its canvas (chart.js, bundled). */
import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  DoughnutController,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';
import { toChartConfig } from '../lib/site/chart-config';
import type { ChartSpec } from '../lib/site/charts';

// Only the parts these three chart types use, so the bundle stays small.
Chart.register(
  DoughnutController,
  ArcElement,
  BarController,
  BarElement,
  LineController,
  LineElement,
  PointElement,
  CategoryScale,
  LinearScale,
  Legend,
  Tooltip,
);

class StatusChart extends HTMLElement {
  #chart: Chart | undefined;

  connectedCallback(): void {
    if (this.#chart) return;
    const canvas = this.querySelector('canvas');
    const data = this.querySelector('script[type="application/json"]');
    if (!canvas || !data?.textContent) return;
    // Set by the page's head script already, unless a stale Content-Security-Policy blocked it: the box's CSS needs it.
    document.documentElement.setAttribute('data-js', '');
    const spec = JSON.parse(data.textContent) as ChartSpec;
    const style = getComputedStyle(this);
    Chart.defaults.font.family = style.fontFamily;
    Chart.defaults.color = style.color;
    // Drawn at twice the screen resolution at least, so printed charts stay sharp.
    const config = toChartConfig(spec) as ChartConfiguration;
    config.options = { ...config.options, devicePixelRatio: Math.max(window.devicePixelRatio, 2) };
    this.querySelector<HTMLElement>('.chart-box')?.removeAttribute('hidden');
    this.#chart = new Chart(canvas, config);
    // Without JavaScript the numbers table is open; with it, it shows closed from the start (data-no-js-open), and
    // once the chart is drawn it is closed behind its toggle.
    const details = this.closest('figure')?.querySelector<HTMLDetailsElement>('details[data-chart-table]');
    if (details) {
      details.open = false;
      details.removeAttribute('data-no-js-open');
    }
    this.dataset.ready = '';
  }

  disconnectedCallback(): void {
    this.#chart?.destroy();
    this.#chart = undefined;
  }
}

/** About the width of an A4 page's text column at 96 dpi (186 mm). */
const PRINT_WIDTH = 700;

// Before printing, wide charts are redrawn at the paper's width so their text prints at its real size (print CSS
// scales the canvas to the column in any case); afterwards they are redrawn for the screen.
addEventListener('beforeprint', () => {
  for (const chart of Object.values(Chart.instances)) {
    if (chart.width > PRINT_WIDTH) chart.resize(PRINT_WIDTH, chart.height);
  }
});
addEventListener('afterprint', () => {
  for (const chart of Object.values(Chart.instances)) chart.resize();
});

if (!customElements.get('status-chart')) customElements.define('status-chart', StatusChart);
