import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserSite } from '../support/browser-site';

// A data set whose titles, names, notes and Markdown hold script tags, on* attributes, javascript: links, iframes and
// "</script>": built into the real site, no script from the data may run in Chromium on any page that shows it.
const FIXTURE = resolve('tests/fixtures/input/hostile');
const PAGES = [
  ['the dashboard', ''],
  ['the plan page', 'plans/2024-thu/'],
  ['a section page with hostile Markdown', 'plans/2024-thu/sections/I/'],
  ['a section page with a hostile title', 'plans/2024-thu/sections/I.1/'],
  ['the task page with hostile content', 'plans/2024-thu/tasks/I.1.a/'],
  ['the task page with a hostile title', 'plans/2024-thu/tasks/I.1.b/'],
  ['the task list', 'tasks/'],
  ['the unit list', 'units/'],
  ['a unit page', 'units/hcqt/'],
  ['the leader list', 'leaders/'],
  ['a leader page', 'leaders/chanh-vp/'],
];

interface Visit {
  dialogs: string[];
  errors: string[];
  page: Page;
}

async function visit(browser: Browser, url: string): Promise<Visit> {
  const page = await browser.newPage();
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${message.text()} ${message.location().url}`);
  });
  page.on('pageerror', (error) => errors.push(error.message));
  const response = await page.goto(url, { waitUntil: 'networkidle' });
  expect(response?.status()).toBe(200);
  return { dialogs, errors, page };
}

describe('a data set with hostile text, built and opened in Chromium', () => {
  const t = useBrowserSite(() => FIXTURE);

  it.each(PAGES)('%s runs no script from the data', async (_, path) => {
    const { dialogs, errors, page } = await visit(t.browser, `${t.site.url}${path}`);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    const dom = await page.evaluate(() => ({
      // Data blocks (type="application/json", read by the charts) never run; any other script holding data text would.
      scripts: [...document.querySelectorAll<HTMLScriptElement>('script:not([type="application/json"])')]
        .map((s) => `${s.src} ${s.textContent ?? ''}`)
        .filter((s) => /alert/.test(s)),
      dataBlocksIntact: [...document.querySelectorAll('script[type="application/json"]')].every((s) => {
        try {
          JSON.parse(s.textContent ?? '');
          return true;
        } catch {
          return false;
        }
      }),
      handlers: [...document.querySelectorAll('*')].flatMap((el) =>
        [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName} ${a.name}`),
      ),
      frames: document.querySelectorAll('iframe, frame, object, embed').length,
      scriptLinks: [...document.querySelectorAll('[href], [src], [action], [formaction]')]
        .map(
          (el) =>
            el.getAttribute('href') ??
            el.getAttribute('src') ??
            el.getAttribute('action') ??
            el.getAttribute('formaction') ??
            '',
        )
        .filter((url) => /^\s*(javascript|vbscript|data):/i.test(url)),
      title: document.title,
    }));
    expect(dom).toMatchObject({ scripts: [], dataBlocksIntact: true, handlers: [], frames: 0, scriptLinks: [] });
    await page.close();
  });

  it('shows a hostile task title as text, not as markup', async () => {
    const { page } = await visit(t.browser, `${t.site.url}plans/2024-thu/tasks/I.1.a/`);
    await expect(page.locator('h1').innerText()).resolves.toContain('</script><script>alert(2)</script>');
    await page.close();
  });

  it('still renders the normal Markdown next to the hostile parts', async () => {
    const { page } = await visit(t.browser, `${t.site.url}plans/2024-thu/tasks/I.1.a/`);
    await expect(page.locator('.prose li strong').first().innerText()).resolves.toBe('Việc hai');
    await expect(page.locator('.prose a', { hasText: 'Bấm vào đây' }).getAttribute('href')).resolves.toBeNull();
    await page.close();
  });
});
