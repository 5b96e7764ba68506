/** The reporting periods in Chromium: reached from the dashboard, and a period's report printed on A4. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useBrowserSite } from '../support/browser-site';

describe('reporting periods in Chromium, served under /ke-hoach/', () => {
  const t = useBrowserSite();

  it('reaches the latest ended quarter from the dashboard, and the other periods from there', async () => {
    const page = await t.browser.newPage();
    await page.goto(t.site.url);
    await page.getByRole('link', { name: 'Quý III năm 2024' }).click();
    expect(page.url()).toBe(`${t.site.url}reports/2024-q3/`);
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Báo cáo Quý III năm 2024');
    await page.getByRole('link', { name: 'Quý II năm 2024' }).click();
    expect(page.url()).toBe(`${t.site.url}reports/2024-q2/`);
    await page
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link', { name: 'Báo cáo định kỳ' })
      .click();
    await page.getByRole('link', { name: 'Quý IV năm 2024 (đến ngày 30/11/2024)' }).click();
    await expect(page.locator('dl.facts').innerText()).resolves.toContain('kỳ chưa kết thúc; kết thúc ngày 31/12/2024');
    await page.close();
  });

  it('prints a period’s report on A4 without navigation or download links, charts within the page', async () => {
    const page = await t.browser.newPage();
    await page.goto(`${t.site.url}reports/2024-q3/`);
    await page.waitForSelector('status-chart[data-ready]');
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.site-nav').isVisible()).resolves.toBe(false);
    await expect(page.locator('dd.no-print').isVisible()).resolves.toBe(false);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const dir = mkdtempSync(join(tmpdir(), 'report-print-'));
    try {
      writeFileSync(join(dir, 'report.pdf'), pdf);
      const info = execFileSync('pdfinfo', [join(dir, 'report.pdf')], { encoding: 'utf8' });
      expect(info).toMatch(/Page size:\s+59[45](\.\d+)? x 841(\.\d+)? pts \(A4\)/);
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'report.pdf'), '-'], { encoding: 'utf8' });
      for (const heading of [
        'Báo cáo Quý III năm 2024',
        'I. Kết quả thực hiện',
        'II. Tồn tại, hạn chế',
        'III. Phương hướng',
      ])
        expect(text).toContain(heading);
      expect(text).not.toContain('Báo cáo (Word, .docx)');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const widths = await page
      .locator('status-chart canvas')
      .evaluateAll((c) => c.map((e) => e.getBoundingClientRect().width));
    const main = await page.locator('main').evaluate((m) => m.getBoundingClientRect().width);
    for (const width of widths) expect(width).toBeLessThanOrEqual(main);
    await page.close();
  });
});
