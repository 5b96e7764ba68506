import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserSite } from '../support/browser-site';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const PLAN = 'plans/2024-khac-phuc/';

const PAGES = [
  ['dashboard', ''],
  ['plan', PLAN],
  ['section', `${PLAN}sections/II.3/`],
  ['task', `${PLAN}tasks/II.3.b/`],
  ['task index', 'tasks/'],
  ['units list', 'units/'],
  ['unit', 'units/hcqt/'],
  ['leaders list', 'leaders/'],
  ['leader', 'leaders/chanh-vp/'],
  ['reports list', 'reports/'],
  ['period report', 'reports/2024-q3/'],
] as const;

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core in the page and returns its serious and critical violations, one line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document): Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run(document)).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('accessibility and charts in Chromium, served under /ke-hoach/', () => {
  const t = useBrowserSite();

  it.each(PAGES)('the %s page has no serious or critical axe-core violation', async (_name, path) => {
    const page = await t.browser.newPage();
    await page.goto(t.site.url + path);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it.each([
    ['dashboard', '', 1],
    ['plan', PLAN, 2],
    ['units list', 'units/', 1],
    ['unit', 'units/hcqt/', 1],
    ['period report', 'reports/2024-q3/', 2],
  ])('draws every chart of the %s page on a canvas of non-zero size', async (_name, path, count) => {
    const page = await t.browser.newPage();
    await page.goto(t.site.url + path);
    await page.waitForSelector('status-chart[data-ready]');
    const sizes = await page
      .locator('status-chart canvas')
      .evaluateAll((canvases) =>
        canvases.map((c) => [
          (c as HTMLCanvasElement).width,
          (c as HTMLCanvasElement).height,
          c.getBoundingClientRect().width,
          c.getBoundingClientRect().height,
        ]),
      );
    expect(sizes).toHaveLength(count);
    for (const size of sizes) for (const n of size) expect(n).toBeGreaterThan(0);
    await page.close();
  });

  it('keeps a bar chart\'s numbers behind a "Bảng số liệu" toggle that opens with the keyboard', async () => {
    const page = await t.browser.newPage();
    await page.goto(t.site.url + PLAN);
    await page.waitForSelector('status-chart[data-ready]');
    const details = page.locator('details.chart-table').first();
    await expect(details.locator('table').isVisible()).resolves.toBe(false);
    await details.locator('summary').focus();
    await page.keyboard.press('Enter');
    await expect(details.locator('table').isVisible()).resolves.toBe(true);
    await expect(details.locator('tbody tr').count()).resolves.toBe(3);
    await page.close();
  });

  it("shows every chart's numbers as a table when JavaScript is off, and no empty chart box", async () => {
    const context = await t.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    for (const path of ['', PLAN, 'units/']) {
      await page.goto(t.site.url + path);
      const figures = page.locator('figure.chart');
      for (let i = 0; i < (await figures.count()); i++) {
        await expect(figures.nth(i).locator('table').isVisible(), `${path} chart ${i}`).resolves.toBe(true);
        await expect(figures.nth(i).locator('.chart-box').isVisible()).resolves.toBe(false);
      }
    }
    await page.goto(t.site.url);
    await expect(page.locator('figure.chart tbody').innerText()).resolves.toMatch(/Đang thực hiện\s+8\s+67%/);
    await context.close();
  });

  it('loads no chart code on a task page or the task index', async () => {
    const page = await t.browser.newPage();
    for (const path of [`${PLAN}tasks/II.3.b/`, 'tasks/']) {
      const scripts: string[] = [];
      page.on('request', (r) => r.resourceType() === 'script' && scripts.push(r.url()));
      await page.goto(t.site.url + path);
      expect(await page.evaluate(() => customElements.get('status-chart'))).toBeUndefined();
      expect(scripts.filter((s) => /StatusChart|chart/i.test(s))).toEqual([]);
      page.removeAllListeners('request');
    }
    await page.close();
  });
});
