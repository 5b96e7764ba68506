import { describe, expect, it } from 'vitest';
import { useBrowserSite } from '../support/browser-site';
import { openMeasured, SCREENS, type ScriptTiming } from '../support/layout-shift';
import { PAGE_TYPES } from '../support/page-types';

/** A page of every type, and the page for a missing address. */
const PAGES: [string, string][] = [...PAGE_TYPES, ['the page for a missing address', '404.html']];
const TIMINGS: [string, ScriptTiming][] = [
  ['on time', { kind: 'on-time' }],
  ['a second late', { kind: 'late', ms: 1000 }],
  ['never (the request fails)', { kind: 'never' }],
];

// Lighthouse measured 0.391 on /tasks/ (the filter form appearing above the table) and 0.082 on /units/ (the
// numbers table closing under the chart): every page type must stay under 0.05, whenever its scripts arrive.
describe('layout shift in Chromium (PerformanceObserver "layout-shift"), served under /ke-hoach/', () => {
  const t = useBrowserSite();

  it.each(PAGES)(
    '%s does not shift as it loads, on a phone or a desktop, its scripts on time, late or never',
    async (_name, path) => {
      const found: string[] = [];
      for (const [screen, options] of Object.entries(SCREENS)) {
        for (const [when, timing] of TIMINGS) {
          const measured = await openMeasured(t.browser, t.site.url + path, options, timing);
          // The load event waits for module scripts, so they have run (or failed) by now; a frame more for the last change.
          await measured.page.evaluate(
            () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))),
          );
          const { cls, shifts } = await measured.shifts();
          if (cls >= 0.05) found.push(`${screen}, scripts ${when}: ${cls.toFixed(3)} ${JSON.stringify(shifts)}`);
          await measured.close();
        }
      }
      expect(found).toEqual([]);
    },
  );

  it('still lists every task and says the filter did not run when the filter script never arrives', async () => {
    const { page, close } = await openMeasured(t.browser, `${t.site.url}tasks/`, SCREENS.desktop, { kind: 'never' });
    await expect(page.locator('tbody tr:visible').count()).resolves.toBe(12);
    await expect(page.getByText('Bộ lọc không chạy được trên trình duyệt này').isVisible()).resolves.toBe(true);
    await expect(page.locator('form.task-filter').isVisible()).resolves.toBe(false);
    await close();
  });

  it("says where a chart's numbers are when the chart script never arrives, and keeps them one click away", async () => {
    const { page, close } = await openMeasured(t.browser, `${t.site.url}units/`, SCREENS.desktop, { kind: 'never' });
    const figure = page.locator('figure.chart');
    await expect(figure.locator('.chart-failed').innerText()).resolves.toContain('“Bảng số liệu” bên dưới');
    await figure.locator('summary').click();
    await expect(figure.locator('details table').isVisible()).resolves.toBe(true);
    await close();
  });
});
