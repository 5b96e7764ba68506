import { describe, expect, it } from 'vitest';
import { useBrowserSite } from '../support/browser-site';

describe('the built site in Chromium, served under /ke-hoach/', () => {
  const t = useBrowserSite();

  it('shows the dashboard in Vietnamese with the as-of date', async () => {
    const page = await t.browser.newPage();
    await page.goto(t.site.url);
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    await expect(page.locator('footer').innerText()).resolves.toContain('30/11/2024');
    await page.close();
  });
});
