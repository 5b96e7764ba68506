import { readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import type { Browser, ConsoleMessage, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../src/lib/serve/csp';
import { siteScriptHashes } from '../../src/node/serve/csp-hashes';
import { startNginx } from '../../src/node/serve/nginx';
import { launchBrowser } from '../../tools/browser';
import { publishAndServe, type NginxSite } from '../support/nginx-site';
import { downloadCsv } from '../support/task-page';
import { PAGE_TYPES } from '../support/page-types';

/** A page of every type, and the page for a missing address. */
const PAGES: [string, string][] = [...PAGE_TYPES, ['the page for a missing address', 'khong-co-trang-nay/']];

/** A GET as a browser would send it, without decompressing: status, headers and the bytes as sent. */
function get(url: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>(
    (resolve, reject) => {
      request(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      })
        .on('error', reject)
        .end();
    },
  );
}

/** Every Content-Security-Policy violation the page reports, and console errors. */
async function watch(page: Page): Promise<() => Promise<string[]>> {
  const errors: string[] = [];
  // The 404 page's own status is not an error of the page.
  const own404 = (m: ConsoleMessage) => m.location().url === page.url() && m.text().includes('status of 404');
  page.on(
    'console',
    (m) => m.type() === 'error' && !own404(m) && errors.push(`console: ${m.text()} ${m.location().url}`),
  );
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  await page.addInitScript(
    `window.__violations = []; document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sample || '')));`,
  );
  return async () => [
    ...(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)),
    ...errors,
  ];
}

describe('the published site behind Debian nginx with the generated configuration', () => {
  let site: NginxSite;
  let browser: Browser;
  beforeAll(async () => {
    site = await publishAndServe();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it.each(PAGES)('%s loads with no Content-Security-Policy violation and no error', async (_name, path) => {
    const page = await browser.newPage();
    const problems = await watch(page);
    const response = await page.goto(site.url + path, { waitUntil: 'load' });
    expect(response!.status()).toBe(path.startsWith('khong-co') ? 404 : 200);
    expect(response!.headers()['content-security-policy']).toBe(contentSecurityPolicy(siteScriptHashes()));
    expect(await page.evaluate(() => document.documentElement.hasAttribute('data-js'))).toBe(true);
    const charts = await page.locator('figure.chart').count();
    await expect(page.locator('status-chart[data-ready]').count()).resolves.toBe(charts);
    expect(await problems()).toEqual([]);
    await page.close();
  });

  it('draws the charts, filters the task index and downloads its CSV under the policy', async () => {
    const page = await browser.newPage();
    const problems = await watch(page);
    await page.goto(`${site.url}units/`);
    await expect(
      page.locator('figure.chart canvas').evaluate((c) => (c as HTMLCanvasElement).width),
    ).resolves.toBeGreaterThan(0);
    await page.goto(`${site.url}tasks/`);
    await page.locator('task-filter[data-search-ready]').waitFor({ state: 'attached' });
    await page.getByRole('searchbox', { name: 'Tìm kiếm' }).fill('thu thap ra soat quy dinh');
    await expect.poll(() => page.locator('[data-count]').innerText()).toBe('1 / 12 nhiệm vụ');
    const { rows } = await downloadCsv(page);
    expect(rows.map((r) => r[1])).toEqual(['Số', 'II.3.b']);
    expect(await problems()).toEqual([]);
    await page.close();
  });

  it('answers each kind of file with its type, UTF-8 for text, and the caching it calls for', async () => {
    const current = join(site.target, 'current');
    writeFileSync(join(current, 'exports', 'bao-cao.docx'), 'PK');
    writeFileSync(join(current, 'exports', 'bao-cao.xlsx'), 'PK');
    const asset = /\/ke-hoach\/(_astro\/[\w-]+\.[\w-]+\.css)/.exec(
      readFileSync(join(current, 'index.html'), 'utf8'),
    )![1]!;
    const cases: [string, string, string][] = [
      ['', 'text/html; charset=utf-8', 'no-cache'],
      ['tasks/search-index.json', 'application/json; charset=utf-8', 'no-cache'],
      ['exports/2024-khac-phuc.csv', 'text/csv; charset=utf-8', 'no-cache'],
      ['exports/2024-khac-phuc.json', 'application/json; charset=utf-8', 'no-cache'],
      ['updates/rss.xml', 'application/xml; charset=utf-8', 'no-cache'],
      ['exports/bao-cao.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'no-cache'],
      ['exports/bao-cao.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'no-cache'],
      [asset, 'text/css; charset=utf-8', 'public, max-age=31536000, immutable'],
    ];
    for (const [path, type, cache] of cases) {
      const r = await get(site.url + path);
      expect([path, r.status, r.headers['content-type'], r.headers['cache-control']]).toEqual([path, 200, type, cache]);
      expect(r.headers['x-content-type-options'], path).toBe('nosniff');
      expect(r.headers['referrer-policy'], path).toBe('same-origin');
    }
  });

  it("answers a missing address with the site's own 404 page, and hides dot files", async () => {
    for (const path of [
      `${site.url}khong-co/`,
      `${site.url}.own-assets.json`,
      site.url.replace('/ke-hoach/', '/khac/'),
    ]) {
      const r = await get(path);
      expect([path, r.status]).toEqual([path, 404]);
      expect(r.body.toString()).toContain('<h1>Không tìm thấy trang</h1>');
      expect(r.headers['content-security-policy']).toContain("frame-ancestors 'self'");
    }
    expect((await get(site.url.slice(0, -1))).headers.location).toBe('/ke-hoach/');
  });

  it('sends the .gz the build wrote beside a large file, and compresses other text itself', async () => {
    const current = join(site.target, 'current');
    const chart = /\/ke-hoach\/(_astro\/StatusChart[\w.-]+\.js)/.exec(
      readFileSync(join(current, 'index.html'), 'utf8'),
    )![1]!;
    const packed = await get(site.url + chart, { 'Accept-Encoding': 'gzip' });
    expect(packed.headers['content-encoding']).toBe('gzip');
    expect(packed.body.equals(readFileSync(join(current, `${chart}.gz`)))).toBe(true);
    const page = await get(`${site.url}tasks/`, { 'Accept-Encoding': 'gzip' });
    expect(page.headers['content-encoding']).toBe('gzip');
    expect(page.headers.vary).toBe('Accept-Encoding');
    expect((await get(site.url + chart)).headers['content-encoding']).toBeUndefined();
  });

  it('keeps serving an old release’s assets after a publish of other code', async () => {
    // As if the served release had been built from other code: an asset the next build does not make.
    const current = join(site.target, 'current');
    writeFileSync(join(current, '_astro', 'Base.old12345.css'), 'p{}');
    const own = join(current, '.own-assets.json');
    writeFileSync(own, JSON.stringify([...(JSON.parse(readFileSync(own, 'utf8')) as string[]), 'Base.old12345.css']));
    const before = readFileSync(join(current, 'index.html'));
    await site.publishAgain();
    expect(readFileSync(join(site.target, 'current', 'index.html')).equals(before)).toBe(true);
    const r = await get(`${site.url}_astro/Base.old12345.css`);
    expect([r.status, r.body.toString(), r.headers['cache-control']]).toEqual([
      200,
      'p{}',
      'public, max-age=31536000, immutable',
    ]);
  });

  it('still works behind a stale policy that blocks the pages’ inline script (an upgrade without a new configuration)', async () => {
    const stale = await startNginx({ target: site.target, base: '/ke-hoach/', port: 0, scriptHashes: [] });
    try {
      const page = await browser.newPage();
      const problems = await watch(page);
      await page.goto(`${stale.url}units/`, { waitUntil: 'load' });
      await expect(page.locator('status-chart[data-ready]').count()).resolves.toBe(1);
      await page.goto(`${stale.url}tasks/`, { waitUntil: 'load' });
      await page.locator('task-filter[data-ready]').waitFor({ state: 'attached' });
      await expect(page.locator('tbody tr:visible').count()).resolves.toBe(12);
      await page.getByRole('combobox', { name: 'Tình trạng' }).selectOption('overdue');
      await expect(page.locator('tbody tr:visible').count()).resolves.toBe(1);
      // Only the inline script is blocked (reported as a violation and on the console); nothing else fails.
      const blocked = /^script-src-elem inline|^console: Executing inline script violates/;
      expect((await problems()).filter((p) => !blocked.test(p))).toEqual([]);
      await page.close();
    } finally {
      await stale.stop();
    }
  });
});
