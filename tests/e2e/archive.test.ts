import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotYear } from '../../src/node/archive/freeze-year';
import { launchBrowser } from '../../tools/browser';
import { buildAndServe } from '../support/build-once';
import { addPlan2025, copyData, type TempData } from '../support/temp-data';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const ids = await page.evaluate(async () => {
    const result = await (
      window as unknown as { axe: { run: () => Promise<{ violations: { id: string; impact: string }[] }> } }
    ).axe.run();
    return result.violations.map((v) => `${v.id} (${v.impact})`);
  });
  return ids;
}

describe('archived years in Chromium, served under /ke-hoach/', () => {
  let data: TempData;
  let site: Awaited<ReturnType<typeof buildAndServe>>;
  let browser: Browser;
  beforeAll(async () => {
    data = copyData('e2e-archive-');
    const result = snapshotYear({ year: 2024, dataDir: data.dataDir });
    if (!result.ok) throw new Error(result.message);
    addPlan2025(data);
    site = await buildAndServe(data.dataDir);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    data?.cleanup();
  });

  it('reaches an archived plan from the dashboard through "Lưu trữ", and shows the banner on its task pages', async () => {
    const page = await browser.newPage();
    await page.goto(site.url);
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Lưu trữ' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Năm 2024' }).isVisible()).resolves.toBe(true);
    await page.getByRole('link', { name: /Kế hoạch phát huy ưu điểm/ }).click();
    await page.getByRole('link', { name: 'II.3.b', exact: true }).click();
    expect(page.url()).toBe(`${site.url}plans/2024-khac-phuc/tasks/II.3.b/`);
    const banner = page.getByRole('complementary', { name: 'Bản lưu trữ' });
    await expect(banner.innerText()).resolves.toContain('Bản lưu trữ năm 2024, số liệu chốt ngày 30/11/2024.');
    await page.emulateMedia({ media: 'print' });
    await expect(banner.isVisible()).resolves.toBe(true);
    await page.close();
  });

  it.each(['archive/', 'updates/', 'plans/2024-khac-phuc/'])(
    'has no accessibility violations on /ke-hoach/%s',
    async (path) => {
      const page = await browser.newPage();
      await page.goto(site.url + path);
      await expect(axeViolations(page)).resolves.toEqual([]);
      await page.close();
    },
  );
});
