import { describe, expect, it } from 'vitest';
import { isServed, pageAssets, percentile, scriptImports, summarizeLoad } from '../../bench/lib/serve-load';

describe('the serve load test', () => {
  it('finds what a page makes a browser fetch: stylesheets, icon, scripts, the search file; not links or data blocks', () => {
    const html = `<head><link rel="icon" href="/ke-hoach/favicon.png" type="image/png">
      <link rel="alternate" type="application/rss+xml" href="/ke-hoach/updates/rss.xml">
      <link rel="stylesheet" href="/ke-hoach/_astro/Base.a1.css"><script>inline()</script></head>
      <body><a href="/ke-hoach/units/">Đơn vị</a><task-filter data-search-src="/ke-hoach/tasks/search-index.json">
      <script type="application/json">{"a":1}</script><script type="module" src="/ke-hoach/_astro/x.b2.js"></script>`;
    expect(pageAssets(html, 'http://127.0.0.1:8080/ke-hoach/tasks/')).toEqual([
      'http://127.0.0.1:8080/ke-hoach/favicon.png',
      'http://127.0.0.1:8080/ke-hoach/_astro/Base.a1.css',
      'http://127.0.0.1:8080/ke-hoach/_astro/x.b2.js',
      'http://127.0.0.1:8080/ke-hoach/tasks/search-index.json',
    ]);
    expect(scriptImports('import{a as b}from"./chunk.c3.js";', 'http://h/ke-hoach/_astro/x.b2.js')).toEqual([
      'http://h/ke-hoach/_astro/chunk.c3.js',
    ]);
  });

  it.each([
    [[], 0.5, 0],
    [[5], 0.99, 5],
    [[1, 2, 3, 4], 0.5, 2],
    [Array.from({ length: 100 }, (_, i) => i + 1), 0.99, 99],
    [Array.from({ length: 100 }, (_, i) => i + 1), 1, 100],
  ])('percentile of %j at %d is %d (nearest rank)', (values, p, expected) => {
    expect(percentile(values, p)).toBe(expected);
  });

  it('counts requests, failures and failed pages, and takes p50 and p99 of every request', () => {
    const samples = [12, 3, 7, 250, 5].map((ms, i) => ({ ms, ok: i !== 3 }));
    expect(summarizeLoad(samples, 2, 1)).toEqual({
      requests: 5,
      failures: 1,
      pages: 2,
      failedPages: 1,
      p50Ms: 7,
      p99Ms: 250,
      maxMs: 250,
    });
    expect([200, 304, 404, 500].map(isServed)).toEqual([true, true, false, false]);
  });
});
