/** Layout shift as Chromium reports it ('layout-shift' entries), for a page loaded with its scripts on time, late or never. */
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';

/** The two screens Lighthouse audits with: a phone (Moto G Power) and a desktop. */
export const SCREENS: Record<'mobile' | 'desktop', BrowserContextOptions> = {
  mobile: { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true },
  desktop: { viewport: { width: 1350, height: 940 }, deviceScaleFactor: 1 },
};

/** How the page's own script files arrive: as served, after a delay, or never (the request fails). */
export type ScriptTiming = { kind: 'on-time' } | { kind: 'late'; ms: number } | { kind: 'never' };

/** One layout shift: its score and the elements that moved. */
export interface Shift {
  value: number;
  sources: string[];
}

/** The page's cumulative layout shift: the largest session window (shifts less than 1 s apart, 5 s at most), as Lighthouse and web-vitals count it. */
function cumulativeShift(entries: readonly { value: number; startTime: number }[]): number {
  let best = 0;
  let window = 0;
  let first = 0;
  let last = -Infinity;
  for (const e of entries) {
    if (e.startTime - last > 1000 || e.startTime - first > 5000) {
      window = 0;
      first = e.startTime;
    }
    window += e.value;
    last = e.startTime;
    best = Math.max(best, window);
  }
  return best;
}

/** Collects every 'layout-shift' entry, with the elements that moved, into window.__layoutShifts. */
const OBSERVER = `(() => {
  const seen = (window.__layoutShifts = []);
  const name = (n) =>
    n instanceof Element
      ? n.localName + (n.id ? '#' + n.id : '') + [...n.classList].map((c) => '.' + c).join('')
      : String(n ? n.nodeName : '?');
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      seen.push({ value: e.value, startTime: e.startTime, hadRecentInput: e.hadRecentInput, sources: (e.sources || []).map((s) => name(s.node)) });
  }).observe({ type: 'layout-shift', buffered: true });
})();`;

/** Opens url on a fresh page of `screen`, with the site's scripts arriving as `timing` says; returns the page and a reader of its shifts so far. */
export async function openMeasured(
  browser: Browser,
  url: string,
  screen: BrowserContextOptions,
  timing: ScriptTiming,
): Promise<{ page: Page; shifts: () => Promise<{ cls: number; shifts: Shift[] }>; close: () => Promise<void> }> {
  const context = await browser.newContext(screen);
  const page = await context.newPage();
  if (timing.kind !== 'on-time') {
    await page.route(/\/_astro\/.*\.js$/, async (route) => {
      if (timing.kind === 'never') return route.abort();
      await new Promise((resolve) => setTimeout(resolve, timing.ms));
      await route.continue();
    });
  }
  // Observed from the very start, so that a shift during loading is counted whatever comes after. Given as text: a
  // function would be serialised with the helpers the TypeScript loader may wrap it in, which the page lacks.
  await page.addInitScript(OBSERVER);
  await page.goto(url, { waitUntil: 'load' });
  const shifts = async () => {
    const entries = await page.evaluate(
      () =>
        (
          window as unknown as {
            __layoutShifts: { value: number; startTime: number; hadRecentInput: boolean; sources: string[] }[];
          }
        ).__layoutShifts,
    );
    const counted = entries.filter((e) => !e.hadRecentInput);
    return { cls: cumulativeShift(counted), shifts: counted.map(({ value, sources }) => ({ value, sources })) };
  };
  return { page, shifts, close: () => context.close() };
}
