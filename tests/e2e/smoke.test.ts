import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { buildAndServe } from '../support/build-once';

describe('the built site in Chromium, served under /ke-hoach/', () => {
  let site: Awaited<ReturnType<typeof buildAndServe>>;
  let browser: Browser;
  beforeAll(async () => {
    site = await buildAndServe();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('shows the dashboard in Vietnamese with the as-of date', async () => {
    const page = await browser.newPage();
    await page.goto(site.url);
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    await expect(page.locator('footer').innerText()).resolves.toContain('30/11/2024');
    await page.close();
  });
});
