import axe from 'axe-core';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTaskIndex, useBrowserSite } from '../support/browser-site';
import { cellText } from '../../src/lib/data/workbook/sheet';
import { countText, downloadCsv, downloadXlsx, shownCells, shownIds } from '../support/task-page';
import { compareVi } from '../../src/lib/text';

const ALL = [
  'II.1.a',
  'II.1.b',
  'II.1.c',
  'II.1.d',
  'II.2.a',
  'II.2.b',
  'II.2.c',
  'II.2.d',
  'II.3.a',
  'II.3.b',
  'II.3.c',
  'II.3.d',
];

describe('the task index /tasks/ in Chromium (default data, 12 tasks)', () => {
  const t = useBrowserSite();
  let page: Page;
  const open = (query = '') => openTaskIndex(page, t.site.url, query);
  const search = () => page.getByRole('searchbox', { name: 'Tìm kiếm' });
  const select = (label: string) => page.getByLabel(label, { exact: true });
  const query = () => new URL(page.url()).search;

  beforeEach(async () => {
    page = await t.browser.newPage();
  });
  afterEach(async () => {
    await page.close();
  });

  it('lists every task with the count 12 / 12 and the filters ready', async () => {
    await open();
    expect(await shownIds(page)).toEqual(ALL);
    expect(await countText(page)).toBe('12 / 12 nhiệm vụ');
    expect(await page.locator('[data-count]').getAttribute('aria-live')).toBe('polite');
  });

  it('narrows the rows and the count as filters are combined, without reloading, and clears them in one click', async () => {
    await open();
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
    await select('Tình trạng').selectOption('in_progress');
    expect(await countText(page)).toBe('8 / 12 nhiệm vụ');
    await select('Đơn vị tham mưu').selectOption('hcqt');
    expect(await shownIds(page)).toEqual(['II.1.a', 'II.1.b', 'II.1.c', 'II.2.a', 'II.2.c', 'II.2.d']);
    await select('Lãnh đạo chỉ đạo').selectOption('chanh-vp');
    expect(await shownIds(page)).toEqual(['II.1.a', 'II.1.c']);
    expect(await countText(page)).toBe('2 / 12 nhiệm vụ');
    await expect.poll(query).toBe('?status=in_progress&unit=hcqt&leader=chanh-vp');
    await select('Tình trạng').selectOption('overdue');
    expect(await shownIds(page)).toEqual([]);
    await expect(page.getByText('Không có nhiệm vụ nào khớp với bộ lọc.').isVisible()).resolves.toBe(true);
    await page.getByRole('button', { name: 'Xóa bộ lọc' }).click();
    expect(await shownIds(page)).toEqual(ALL);
    await expect.poll(query).toBe('');
    await select('Thời hạn').selectOption('overdue');
    expect(await shownIds(page)).toEqual(['II.3.b']);
    await select('Mục').selectOption('2024-khac-phuc/II.3');
    await select('Thời hạn').selectOption('2024-Q2');
    expect(await shownIds(page)).toEqual(['II.3.a', 'II.3.b']);
    await select('Đơn vị phối hợp').selectOption('tt-cbth');
    expect(await shownIds(page)).toEqual(['II.3.a', 'II.3.b']); // support "*" means every unit
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
  });

  it('finds tasks typed without diacritics, in any case, and in decomposed (NFD) form', async () => {
    await open();
    await search().fill('Kiểm soát');
    const withDiacritics = await shownIds(page);
    expect(withDiacritics).toContain('II.1.d'); // "Nâng cao hiệu lực, hiệu quả kiểm soát TTHC …"
    expect(withDiacritics.length).toBeLessThan(12);
    await search().fill('kiem soat');
    expect(await shownIds(page)).toEqual(withDiacritics);
    expect(await countText(page)).toBe(`${withDiacritics.length} / 12 nhiệm vụ`);
    await search().fill('');
    await search().pressSequentially('KIỂM SOÁT'.normalize('NFD'));
    expect(await shownIds(page)).toEqual(withDiacritics);
    await search().fill('dang');
    expect(await shownIds(page)).toContain('II.1.a'); // "chủ trương của Đảng"
    await search().fill('thu thap ra soat quy dinh');
    expect(await shownIds(page)).toEqual(['II.3.b']); // only in a progress report note
  });

  it('keeps the search text out of the page and finds with it once it arrives, also when typed straight away', async () => {
    const html = await (await fetch(`${t.site.url}tasks/`)).text();
    expect(html).not.toContain('thu thap ra soat'); // a report note's words live in the search file only
    await page.goto(`${t.site.url}tasks/`);
    await page.locator('form.task-filter:not([hidden])').waitFor();
    await search().fill('thu thap ra soat quy dinh');
    await expect.poll(() => shownIds(page)).toEqual(['II.3.b']);
    expect(await countText(page)).toBe('1 / 12 nhiệm vụ');
  });

  it('shows the same view after a reload of the URL', async () => {
    await open('?status=in_progress&q=kiem+soat&sort=percent&dir=desc');
    const before = await shownIds(page);
    expect(before.length).toBeGreaterThan(0);
    expect(await search().inputValue()).toBe('kiem soat');
    expect(await select('Tình trạng').inputValue()).toBe('in_progress');
    await select('Lãnh đạo chỉ đạo').selectOption('chanh-vp');
    const filtered = await shownIds(page);
    await expect.poll(query).toBe('?status=in_progress&leader=chanh-vp&q=kiem+soat&sort=percent&dir=desc');
    await page.reload();
    await page.locator('form.task-filter:not([hidden])').waitFor();
    expect(await shownIds(page)).toEqual(filtered);
    expect(await select('Lãnh đạo chỉ đạo').inputValue()).toBe('chanh-vp');
    expect(await page.locator('th[data-sort="percent"]').getAttribute('aria-sort')).toBe('descending');
  });

  it('ignores filter values the page does not offer', async () => {
    await open('?status=finished&unit=hcqt');
    expect(await select('Tình trạng').inputValue()).toBe('');
    await expect.poll(query).toBe('?unit=hcqt');
    expect(await countText(page)).toBe('8 / 12 nhiệm vụ');
  });

  it('steps back and forward through filter changes and a search', async () => {
    await open();
    await select('Tình trạng').selectOption('in_progress');
    await select('Đơn vị tham mưu').selectOption('tt-pvhcc');
    await search().pressSequentially('giao duc');
    await search().blur();
    await expect.poll(query).toBe('?status=in_progress&unit=tt-pvhcc&q=giao+duc');
    const typed = await shownIds(page);
    expect(typed).toContain('II.1.a'); // "Giáo dục chính trị tư tưởng …"
    expect(typed.length).toBeLessThan(7);
    await page.goBack();
    await expect.poll(query).toBe('?status=in_progress&unit=tt-pvhcc');
    expect(await search().inputValue()).toBe('');
    expect(await shownIds(page)).toEqual(['II.1.a', 'II.1.b', 'II.1.c', 'II.1.d', 'II.2.a', 'II.2.c', 'II.3.c']);
    await page.goBack();
    expect(await select('Đơn vị tham mưu').inputValue()).toBe('');
    expect(await countText(page)).toBe('8 / 12 nhiệm vụ');
    await page.goBack();
    expect(await countText(page)).toBe('12 / 12 nhiệm vụ');
    expect(await select('Tình trạng').inputValue()).toBe('');
    await page.goForward();
    expect(await countText(page)).toBe('8 / 12 nhiệm vụ');
    await page.goForward();
    await page.goForward();
    expect(await search().inputValue()).toBe('giao duc');
    expect(await shownIds(page)).toEqual(typed);
  });

  it('sorts by a column with the header buttons: dates by date, percent by number, titles in Vietnamese order', async () => {
    await open();
    const due = page.getByRole('button', { name: 'Hạn cuối' });
    await due.click();
    expect(await page.locator('th[data-sort="due"]').getAttribute('aria-sort')).toBe('ascending');
    const dues = await page.locator('tbody tr').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.due!));
    expect(dues).toEqual([...dues].sort());
    const rest = ALL.filter((id) => id !== 'II.3.a' && id !== 'II.3.b'); // all due 31/12/2024: ties keep the plan order
    expect(await shownIds(page)).toEqual(['II.3.a', 'II.3.b', ...rest]);
    await due.click();
    expect(await page.locator('th[data-sort="due"]').getAttribute('aria-sort')).toBe('descending');
    await expect.poll(query).toBe('?sort=due&dir=desc');
    expect(await shownIds(page)).toEqual([...rest, 'II.3.a', 'II.3.b']);
    await page.getByRole('button', { name: 'Tiến độ' }).click();
    const percents = await page
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((r) => Number((r as HTMLElement).dataset.percent)));
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(await page.locator('th[data-sort="due"]').getAttribute('aria-sort')).toBeNull();
    await page.getByRole('button', { name: 'Nhiệm vụ' }).click();
    const titles = (await shownCells(page)).map((cells) => cells[2]!);
    expect(titles).toEqual([...titles].sort(compareVi));
    await page.getByRole('button', { name: 'Số' }).click();
    expect(await shownIds(page)).toEqual(ALL);
  });

  it('downloads exactly the rows shown, in their order, as CSV with a BOM', async () => {
    await open('?status=in_progress&sort=title&dir=desc');
    const { bytes, name, rows } = await downloadCsv(page);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(name).toBe('nhiem-vu-2024-11-30.csv');
    expect(rows[0]).toEqual([
      'Kế hoạch',
      'Số',
      'Nhiệm vụ',
      'Tình trạng',
      'Tiến độ',
      'Hạn cuối',
      'Đơn vị tham mưu',
      'Chỉ đạo',
      'Báo cáo gần nhất',
    ]);
    expect(rows.slice(1)).toEqual(await shownCells(page));
    expect(rows).toHaveLength(9);
    expect(rows[1]![3]).toBe('Đang thực hiện');
  });

  it('downloads the same rows as an Excel workbook beside the CSV, with percents as numbers and dates as dates', async () => {
    await open('?status=in_progress&sort=title&dir=desc');
    const { rows: csv } = await downloadCsv(page);
    const { name, sheet } = await downloadXlsx(page);
    expect(name).toBe('nhiem-vu-2024-11-30.xlsx');
    const grid = sheet.rows.map((r) => {
      const cells = Array.from({ length: csv[0]!.length }, () => '');
      for (const c of r.cells) cells[c.col - 1] = cellText(c.value);
      return cells;
    });
    expect(grid[0]).toEqual(csv[0]);
    expect(grid).toHaveLength(csv.length);
    // The CSV holds what the page shows (85%, 31/12/2024); the workbook the values themselves.
    const iso = (vi: string) => vi.replace(/^(\d\d)\/(\d\d)\/(\d{4})$/, '$3-$2-$1');
    expect(grid.slice(1)).toEqual(
      csv
        .slice(1)
        .map((row) => row.map((cell, i) => (i === 4 ? cell.replace(/%$/, '') : i === 5 || i === 8 ? iso(cell) : cell))),
    );
    const second = sheet.rows[1]!.cells;
    expect(second.find((c) => c.col === 5)?.value.t).toBe('n');
    expect(second.find((c) => c.col === 6)?.value.t).toBe('d');
  });

  it('prints a filtered view with its filters in words and without the form', async () => {
    await open('?status=in_progress&unit=hcqt&q=kiem+soat');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('form.task-filter').isVisible()).toBe(false);
    expect(await page.locator('[data-summary]').innerText()).toBe(
      `Bộ lọc: Tình trạng: Đang thực hiện; Đơn vị tham mưu: Phòng Hành chính - Quản trị; Tìm: “kiem soat”. ${await countText(page)}.`,
    );
    await page.locator('[data-action="clear"]').evaluate((b) => (b as HTMLButtonElement).click()); // the form is not printed
    expect(await page.locator('[data-summary]').isVisible()).toBe(false);
  });

  it('shows the first matches of a very long list and the rest on request, and downloads them all', async () => {
    // The display limit (500 rows) is lowered to 5 so that 12 tasks count as a long list.
    await page.route('**/tasks/', async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace('<task-filter ', '<task-filter data-limit="5" ');
      await route.fulfill({ response, body: html });
    });
    await open();
    expect(await shownIds(page)).toEqual(ALL.slice(0, 5));
    expect(await countText(page)).toBe('12 / 12 nhiệm vụ');
    expect(await page.getByText('Đang hiện 5 nhiệm vụ đầu tiên trong 12 nhiệm vụ khớp.').isVisible()).toBe(true);
    expect((await downloadCsv(page)).rows).toHaveLength(1 + 12);
    await select('Tình trạng').selectOption('in_progress');
    expect(await shownIds(page)).toHaveLength(5);
    await page.getByRole('button', { name: 'Hiện cả 8 nhiệm vụ' }).click();
    expect(await shownIds(page)).toHaveLength(8);
    expect(await page.locator('[data-more]').isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.closest('tr')?.dataset.id)).toBe(
      (await shownIds(page))[5],
    );
    expect((await downloadCsv(page)).rows.slice(1)).toEqual(await shownCells(page));
  });

  it('is usable from the keyboard, with labelled controls and no accessibility violations', async () => {
    await open();
    await search().focus();
    await page.keyboard.type('hau can');
    expect(await shownIds(page)).toEqual(['II.2.d']);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tf-status');
    await page.keyboard.press('ArrowDown');
    expect(await select('Tình trạng').inputValue()).toBe('overdue');
    expect(await countText(page)).toBe('0 / 12 nhiệm vụ');
    await page.addScriptTag({ content: axe.source });
    const result = await page.evaluate(() => (window as unknown as { axe: typeof axe }).axe.run('task-filter'));
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
  });

  it('shows the whole table, and no dead controls, with JavaScript disabled', async () => {
    const context = await t.browser.newContext({ javaScriptEnabled: false });
    const noJs = await context.newPage();
    await noJs.goto(`${t.site.url}tasks/?status=overdue`);
    expect(await noJs.locator('tbody tr').count()).toBe(12);
    expect(await noJs.locator('tbody tr:visible').count()).toBe(12);
    expect(await noJs.locator('form.task-filter').isVisible()).toBe(false);
    expect(await noJs.locator('thead button').count()).toBe(0);
    await context.close();
  });
});
