/** The setup every browser test shares: build a data folder and serve it once, one Chromium, both closed at the end. */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from '../../tools/browser';
import { buildAndServe } from './build-once';

/** The served site and the browser of a test file (set once its beforeAll has run). */
export interface BrowserSite {
  readonly site: Awaited<ReturnType<typeof buildAndServe>>;
  readonly browser: Browser;
}

/** Registers the hooks: builds dataDir() (the default data when it gives undefined) under E2E_BASE, serves it, starts Chromium. */
export function useBrowserSite(dataDir: () => string | undefined = () => undefined): BrowserSite {
  let site: BrowserSite['site'] | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    site = await buildAndServe(dataDir());
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });
  return {
    get site() {
      return site!;
    },
    get browser() {
      return browser!;
    },
  };
}

/** Opens /tasks/ and waits until the filter is up and its search file is in. */
export async function openTaskIndex(page: Page, siteUrl: string, query = ''): Promise<void> {
  await page.goto(`${siteUrl}tasks/${query}`);
  await page.locator('form.task-filter:not([hidden])').waitFor();
  await page.locator('task-filter[data-search-ready]').waitFor({ state: 'attached' });
}
