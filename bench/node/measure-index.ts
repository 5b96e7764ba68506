/** /tasks/ in headless Chromium: gzipped bytes on the wire, DOMContentLoaded, and keystroke-to-update times of the filter. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../../tools/browser';
import { serveStatic } from '../../tools/static-server';
import { median } from '../lib/report';
import { gzSize } from './measure-js';

/** What the browser measured; search is null when the page has no filter yet. */
export interface IndexMeasure {
  gzKb: number;
  rawKb: number;
  requests: number;
  dclMs: number;
  /** The search file /tasks/search-index.json fetched after the load (gzipped KB; null when the page has none). */
  searchIndexGzKb: number | null;
  search: SearchMeasure | null;
  searchNote: string;
}

/** Keystroke-to-update times over the keystrokes that changed the page. */
interface SearchMeasure {
  medianMs: number;
  worstMs: number;
  times: number[];
  keystrokes: number;
  /** Keystrokes after which nothing on the page changed within the wait. */
  unchanged: number;
}

/** The filter's search box, as the `<task-filter>` custom element is to render it. */
const SEARCH_SELECTOR = 'task-filter input[type=search]';
/** 20 keystrokes: a phrase typed without diacritics (the filter must fold them), then 7 deletions. */
export const KEYSTROKES = [...'chuyen doi so', ...Array<string>(7).fill('Backspace')];

/** Loads /tasks/ once to warm up, then `runs` times in fresh contexts (median DOMContentLoaded), then times the filter. */
export async function measureIndex(dist: string, runs: number): Promise<IndexMeasure> {
  const server = await serveStatic(dist, '/');
  const browser = await launchBrowser();
  try {
    const url = `${server.url}tasks/`;
    // The browser's first navigation pays for starting its renderer and network service; it is not timed.
    await loadOnce(browser, url, dist);
    const loads = [];
    for (let i = 0; i < runs; i++) loads.push(await loadOnce(browser, url, dist));
    const first = loads[0]!;
    const search = await measureSearch(browser, url);
    return {
      gzKb: first.gzBytes / 1024,
      rawKb: first.rawBytes / 1024,
      requests: first.requests,
      dclMs: median(loads.map((l) => l.dclMs)),
      searchIndexGzKb: existsSync(join(dist, SEARCH_FILE))
        ? gzSize(readFileSync(join(dist, SEARCH_FILE))) / 1024
        : null,
      search,
      searchNote: search
        ? ''
        : `no ${SEARCH_SELECTOR} on /tasks/ yet (the <task-filter> element is not built), so search times are null`,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

/** The search file, fetched after the page has loaded; weighed apart from the page's own load. */
const SEARCH_FILE = 'tasks/search-index.json';

// Chromium does not keep a body of many megabytes for the debugger, so a page that big reads as empty; the file served is
// the same bytes (the static server does not compress).
function servedFile(dist: string, url: string): Buffer | undefined {
  const path = join(dist, decodeURIComponent(new URL(url).pathname));
  const file = existsSync(path) && statSync(path).isDirectory() ? join(path, 'index.html') : path;
  return existsSync(file) ? readFileSync(file) : undefined;
}

async function loadOnce(
  browser: Browser,
  url: string,
  dist: string,
): Promise<{ dclMs: number; gzBytes: number; rawBytes: number; requests: number }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const bodies: Promise<Buffer | undefined>[] = [];
  page.on('response', (response) => {
    if (response.url().endsWith(SEARCH_FILE)) return;
    bodies.push(
      response
        .body()
        .then((b) => (b.length > 0 ? b : servedFile(dist, response.url())))
        .catch(() => servedFile(dist, response.url())),
    );
  });
  await page.goto(url, { waitUntil: 'load', timeout: 180_000 });
  const dclMs = await page.evaluate<number>("performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd");
  const received = (await Promise.all(bodies)).filter((b): b is Buffer => b !== undefined);
  await context.close();
  return {
    dclMs,
    gzBytes: received.reduce((n, b) => n + gzSize(b), 0),
    rawBytes: received.reduce((n, b) => n + b.length, 0),
    requests: received.length,
  };
}

/**
 * Watches the page from inside: a keydown starts the clock; the clock stops after the frame that follows the last DOM
 * change. Plain JavaScript text, because functions compiled by tsx carry helpers the page does not have.
 */
function instrumentScript(selector: string): string {
  return `(() => {
    const input = document.querySelector(${JSON.stringify(selector)});
    const state = { start: 0, lastChange: 0, painted: 0, changed: false };
    window.__bench = state;
    input.addEventListener('keydown', () => Object.assign(state, { start: performance.now(), lastChange: 0, painted: 0, changed: false }), { capture: true });
    new MutationObserver(() => {
      if (!state.start) return;
      state.changed = true;
      state.lastChange = performance.now();
      // rAF runs before the frame is painted; the task after it runs once the frame is out.
      requestAnimationFrame(() => setTimeout(() => (state.painted = performance.now()), 0));
    }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  })()`;
}

type State = { start: number; lastChange: number; painted: number; changed: boolean; now: number };

/** Waits until the page has been quiet for 300 ms after a change (or 2 s without one); the keystroke's time, or null. */
async function settle(page: Page): Promise<number | null> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    await page.waitForTimeout(50);
    const s = await page.evaluate<State>('({ ...window.__bench, now: performance.now() })');
    if (s.changed && s.painted >= s.lastChange && s.now - s.lastChange > 300) return s.painted - s.start;
    if ((!s.changed && s.now - s.start > 2000) || Date.now() > deadline) return null;
  }
}

async function measureSearch(browser: Browser, url: string): Promise<SearchMeasure | null> {
  const page = await browser.newPage();
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 180_000 });
    if ((await page.locator(SEARCH_SELECTOR).count()) === 0) return null;
    // A page that fetches its search text after the load is timed once it has it (the reader's first look takes longer).
    if ((await page.locator('task-filter[data-search-src]').count()) > 0)
      await page.locator('task-filter[data-search-ready]').waitFor({ state: 'attached', timeout: 60_000 });
    await page.evaluate(instrumentScript(SEARCH_SELECTOR));
    await page.locator(SEARCH_SELECTOR).first().focus();
    const times: number[] = [];
    for (const key of KEYSTROKES) {
      await page.keyboard.press(key === ' ' ? 'Space' : key);
      const ms = await settle(page);
      if (ms !== null) times.push(ms);
    }
    if (times.length === 0) return null;
    return {
      medianMs: median(times),
      worstMs: Math.max(...times),
      times,
      keystrokes: KEYSTROKES.length,
      unchanged: KEYSTROKES.length - times.length,
    };
  } finally {
    await page.close();
  }
}
