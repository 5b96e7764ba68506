import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkBuiltSite } from '../../src/node/releases/check-site';

describe('checking a built site folder', () => {
  const dir = mkdtempSync(join(tmpdir(), 'check-'));
  const put = (file: string, text: string) => {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  };
  put('index.html', '<a href="/ke-hoach/plans/a/">a</a> <a href="/ke-hoach/plans/b/">b</a>');
  put('plans/a/index.html', '<a href="../../">home</a> <a href="/ke-hoach/exports/a.json">json</a>');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lists missing pages and broken links, naming the page and the link', () => {
    expect(checkBuiltSite(dir, '/ke-hoach/', ['index.html', 'plans/a/index.html', 'exports/a.csv'])).toEqual([
      'exports/a.csv: missing (the data calls for this page)',
      'index.html: broken link "/ke-hoach/plans/b/" leads to plans/b/index.html, which is not in the site',
      'plans/a/index.html: broken link "/ke-hoach/exports/a.json" leads to exports/a.json, which is not in the site',
    ]);
  });

  it('passes a complete site', () => {
    put('plans/b/index.html', '<p>b</p>');
    put('exports/a.json', '{}');
    put('exports/a.csv', '');
    expect(checkBuiltSite(dir, '/ke-hoach/', ['index.html', 'plans/a/index.html', 'exports/a.csv'])).toEqual([]);
  });

  it('names a page with what the Content-Security-Policy would block', () => {
    put('plans/b/index.html', '<p style="color:red">b</p><script>alert(1)</script>');
    expect(checkBuiltSite(dir, '/ke-hoach/', ['index.html'])).toEqual([
      'plans/b/index.html: inline script "alert(1)" is not one the Content-Security-Policy allows',
      'plans/b/index.html: a style attribute on <p>: the Content-Security-Policy allows none',
    ]);
  });
});
