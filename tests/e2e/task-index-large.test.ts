import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import axe from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { generateProvince } from '../../bench/lib/province';
import { writeDataFiles } from '../../bench/node/bench';
import { DISPLAY_LIMIT } from '../../src/lib/site/task-query';
import { PAGE_SCRIPT } from '../../src/lib/site/inline-scripts';
import { compareIds } from '../../src/lib/text';
import { launchBrowser } from '../../tools/browser';
import { buildAndServe } from '../support/build-once';
import { countText, downloadCsv, shownCells, shownRows } from '../support/task-page';

// More tasks than the display limit: the page's table holds the first rows, the whole table comes in a <noscript>.
const TASKS = 260;

describe(`the task index with ${TASKS} tasks (more than the ${DISPLAY_LIMIT} a view shows)`, () => {
  let site: Awaited<ReturnType<typeof buildAndServe>>;
  let browser: Browser;
  let page: Page;
  /** `plan/id` of every task in the page's order, as the page without JavaScript lists them. */
  let all: string[];
  const dataDir = join(mkdtempSync(join(tmpdir(), 'large-')), 'data');
  const search = () => page.getByRole('searchbox', { name: 'Tìm kiếm' });
  const open = async (query = '') => {
    await page.goto(`${site.url}tasks/${query}`);
    await page.locator('form.task-filter:not([hidden])').waitFor();
  };
  const ready = () => page.locator('task-filter[data-search-ready]').waitFor({ state: 'attached' });

  beforeAll(async () => {
    writeDataFiles(
      dataDir,
      generateProvince({ plans: 2, tasks: TASKS, reportsPerTask: 3, units: 8, leaders: 3, seed: 7, year: 2024 }),
    );
    site = await buildAndServe(dataDir);
    browser = await launchBrowser();
    const context = await browser.newContext({ javaScriptEnabled: false });
    const noJs = await context.newPage();
    await noJs.goto(`${site.url}tasks/`);
    all = await noJs
      .locator('tbody tr:visible')
      .evaluateAll((rows) => rows.map((r) => `${(r as HTMLElement).dataset.plan}/${(r as HTMLElement).dataset.id}`));
    await context.close();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    rmSync(join(dataDir, '..'), { recursive: true, force: true });
  });
  beforeEach(async () => {
    page = await browser.newPage();
  });
  afterEach(async () => {
    await page.close();
  });

  it('shows the whole table, once, with JavaScript disabled', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const noJs = await context.newPage();
    await noJs.goto(`${site.url}tasks/`);
    expect(await noJs.locator('tbody tr:visible').count()).toBe(TASKS);
    expect(await noJs.locator('table:visible').count()).toBe(1);
    await context.close();
    expect(all).toHaveLength(TASKS);
    expect(new Set(all).size).toBe(TASKS);
  });

  it('shows the first rows at once and reads the others when the browser is idle', async () => {
    const html = await (await fetch(`${site.url}tasks/`)).text();
    expect(html).toContain('<noscript>');
    await open();
    expect(await shownRows(page)).toEqual(all.slice(0, DISPLAY_LIMIT));
    expect(await countText(page)).toBe(`${TASKS} / ${TASKS} nhiệm vụ`);
    expect(
      await page.getByText(`Đang hiện ${DISPLAY_LIMIT} nhiệm vụ đầu tiên trong ${TASKS} nhiệm vụ khớp.`).isVisible(),
    ).toBe(true);
    await ready();
    expect(await page.locator('noscript').count()).toBe(0);
    await page.getByRole('button', { name: `Hiện cả ${TASKS} nhiệm vụ` }).click();
    expect(await shownRows(page)).toEqual(all);
  });

  it('finds a task past the first rows, also when typed before the rows are read', async () => {
    const last = all.at(-1)!;
    await open();
    await search().fill(last.slice(last.indexOf('/') + 1));
    await expect.poll(() => shownRows(page)).toContain(last);
    await ready();
    await search().fill('');
    expect(await shownRows(page)).toEqual(all.slice(0, DISPLAY_LIMIT));
  });

  it('filters and sorts over every row, as the URL asks on load', async () => {
    const plan = all.at(-1)!.split('/')[0]!;
    await open(`?plan=${plan}&sort=id&dir=desc`);
    const rows = await shownRows(page);
    const ofPlan = all.filter((key) => key.startsWith(`${plan}/`));
    expect(ofPlan.length).toBeGreaterThan(0);
    const id = (key: string) => key.slice(key.indexOf('/') + 1);
    expect(rows).toEqual([...ofPlan].sort((a, b) => compareIds(id(b), id(a))).slice(0, DISPLAY_LIMIT));
    expect(await countText(page)).toBe(`${ofPlan.length} / ${TASKS} nhiệm vụ`);
  });

  it('downloads every row of the view, right after the page loads', async () => {
    await open();
    const { rows } = await downloadCsv(page);
    expect(rows).toHaveLength(1 + TASKS);
    expect(rows.slice(1, 1 + DISPLAY_LIMIT)).toEqual(await shownCells(page));
  });

  it('shows every row should the filter script not run', async () => {
    await page.route('**/_astro/*.js', (route) => route.abort());
    await page.goto(`${site.url}tasks/`, { waitUntil: 'load' });
    await expect.poll(() => page.locator('tbody tr:visible').count()).toBe(TASKS);
    expect(await page.locator('table:visible').count()).toBe(1);
  });

  it("shows the first rows and filters when the page's head script did not run (a stale Content-Security-Policy)", async () => {
    await page.route(/\/tasks\/$/, async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace(`<script>${PAGE_SCRIPT}</script>`, '');
      await route.fulfill({ response, body: html });
    });
    await open();
    expect(await shownRows(page)).toEqual(all.slice(0, DISPLAY_LIMIT));
    expect(await page.locator('tbody tr:visible').count()).toBe(DISPLAY_LIMIT);
    await search().fill(all.at(-1)!.slice(all.at(-1)!.indexOf('/') + 1));
    await expect.poll(() => shownRows(page)).toContain(all.at(-1));
  });

  it('has no accessibility violations with the first rows shown', async () => {
    await open();
    await page.addScriptTag({ content: axe.source });
    const result = await page.evaluate(() => (window as unknown as { axe: typeof axe }).axe.run('task-filter'));
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
  });
});
