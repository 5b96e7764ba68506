import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTaskIndex, useBrowserSite } from '../support/browser-site';
import { countText, downloadCsv, shownCells, shownRows } from '../support/task-page';

// tests/fixtures/task-index: two 2025 plans that both have a section I, an old 2024 plan, judged at 15/03/2025.
const FIXTURE = 'tests/fixtures/task-index';
const A = '2025-cai-cach';
const B = '2025-chuyen-doi-so';

describe('the task index with two plans of the year (fixture data)', () => {
  const t = useBrowserSite(() => FIXTURE);
  let page: Page;
  const select = (label: string) => page.getByLabel(label, { exact: true });

  beforeEach(async () => {
    page = await t.browser.newPage();
    await openTaskIndex(page, t.site.url);
  });
  afterEach(async () => {
    await page.close();
  });

  it("lists the tasks of this year's plans only", async () => {
    expect(await shownRows(page)).toEqual([
      `${A}/I.1.a`,
      `${A}/I.1.b`,
      `${A}/I.2.a`,
      `${A}/II.a`,
      `${B}/I.a`,
      `${B}/II.a`,
    ]);
    expect(await countText(page)).toBe('6 / 6 nhiệm vụ');
  });

  it('filters by plan, and by a section of one plan only (with the sections below it)', async () => {
    await select('Kế hoạch').selectOption(B);
    expect(await shownRows(page)).toEqual([`${B}/I.a`, `${B}/II.a`]);
    await select('Kế hoạch').selectOption('');
    await select('Mục').selectOption(`${A}/I`);
    expect(await shownRows(page)).toEqual([`${A}/I.1.a`, `${A}/I.1.b`, `${A}/I.2.a`]);
    await select('Mục').selectOption(`${B}/I`);
    expect(await shownRows(page)).toEqual([`${B}/I.a`]);
    const groups = await page
      .locator('#tf-section optgroup')
      .evaluateAll((els) => els.map((e) => (e as HTMLOptGroupElement).label));
    expect(groups).toEqual(['Kế hoạch cải cách hành chính năm 2025', 'Kế hoạch chuyển đổi số năm 2025']);
  });

  it('filters by due: overdue, due within 30 days, and by quarter', async () => {
    await select('Thời hạn').selectOption('overdue');
    expect(await shownRows(page)).toEqual([`${A}/I.1.b`]);
    await select('Thời hạn').selectOption('soon');
    expect(await shownRows(page)).toEqual([`${A}/I.1.a`]);
    await select('Thời hạn').selectOption('2025-Q2');
    expect(await shownRows(page)).toEqual([`${A}/I.2.a`]);
    await select('Thời hạn').selectOption('2025-Q1');
    expect(await shownRows(page)).toEqual([`${A}/I.1.a`, `${A}/I.1.b`, `${A}/II.a`, `${B}/II.a`]);
    await select('Tình trạng').selectOption('done_late');
    expect(await shownRows(page)).toEqual([`${B}/II.a`]);
    expect(await countText(page)).toBe('1 / 6 nhiệm vụ');
  });

  it('finds "Đảng" when "dang" is typed', async () => {
    await page.getByRole('searchbox', { name: 'Tìm kiếm' }).fill('dang');
    expect(await shownRows(page)).toContain(`${A}/I.1.b`);
  });

  it('downloads the rows shown as CSV, quoting commas and quotes and defusing a formula-like title', async () => {
    await select('Kế hoạch').selectOption(A);
    const { rows } = await downloadCsv(page);
    const shown = await shownCells(page);
    expect(rows).toHaveLength(5);
    const formula = rows.findIndex((r) => r[1] === 'I.2.a');
    expect(rows[formula]![2]).toBe(`'=1+1 Báo cáo "tổng hợp", quý II`);
    expect(shown[formula - 1]![2]).toBe('=1+1 Báo cáo "tổng hợp", quý II');
    rows[formula]![2] = rows[formula]![2]!.slice(1);
    expect(rows.slice(1)).toEqual(shown);
  });
});
