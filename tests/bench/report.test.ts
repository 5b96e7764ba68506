import { describe, expect, it } from 'vitest';
import { groupOf, inclusiveTime, timeByGroup, type CpuProfile } from '../../bench/lib/cpu-profile';
import { checkTargets, formatChecks, jsTarget, median, type BenchResults } from '../../bench/lib/report';
import { jsImports, pageScripts } from '../../bench/lib/scripts';

const results = (over: Partial<BenchResults> = {}): BenchResults => ({
  tasks: 10_000,
  pages: 10_600,
  build_s: 100,
  floor_s: 60,
  build_ratio: 1.67,
  build_cpu_ratio: 2.1,
  astro_renderer_s: 150,
  small_build_s: 3,
  small_floor_s: 2,
  small_build_ratio: 1.5,
  build_peak_mb: 900,
  load_ratio: 2.5,
  index_gz_kb: 500,
  index_dcl_ms: 1200,
  search_median_ms: 20,
  search_worst_ms: 90,
  js_gz_kb: { dashboard: 60, plan: 0, section: 1.5, task: 0, unit: 65, index: 8 },
  ...over,
});

const verdict = (r: BenchResults, label: string, charts = { dashboard: true, unit: true }) =>
  checkTargets(r, charts).find((c) => c.label === label)?.pass;

describe('judging the figures against the targets of issue #7', () => {
  it.each([
    ['build / floor', { build_ratio: 2 }, true],
    ['build / floor', { build_ratio: 2.01 }, false],
    ['small rebuild / floor', { small_build_ratio: 2 }, true],
    ['small rebuild / floor', { small_build_ratio: 2.4 }, false],
    ['build peak memory', { build_peak_mb: 1536 }, true],
    ['build peak memory', { build_peak_mb: 1600 }, false],
    ['load / papaparse', { load_ratio: 3.2 }, false],
    ['/tasks/ gzipped', { index_gz_kb: 601 }, false],
    ['/tasks/ DOMContentLoaded', { index_dcl_ms: 1500 }, true],
    ['search median', { search_median_ms: 51 }, false],
    ['search worst', { search_worst_ms: 150 }, true],
    ['search median', { search_median_ms: null }, null],
  ] as const)('%s with %o passes: %s', (label, over, expected) => {
    expect(verdict(results(over as Partial<BenchResults>), label)).toBe(expected);
  });

  it.each([
    ['task', false, 2],
    ['plan', true, 70],
    ['dashboard', false, 2],
    ['index', false, 10],
    ['index', true, 10],
  ] as const)('a %s page (chart: %s) may ship under %i KB of JS', (type, chart, limit) => {
    expect(jsTarget(type, chart).limit).toBe(limit);
  });

  it('fails a chart page over 70 KB and a page without chart over 2 KB', () => {
    const r = results({ js_gz_kb: { dashboard: 71, plan: 2.5, section: 0, task: 0, unit: 10, index: 12 } });
    expect(verdict(r, 'JS dashboard')).toBe(false);
    expect(verdict(r, 'JS plan')).toBe(false);
    expect(verdict(r, 'JS unit')).toBe(true);
    expect(verdict(r, 'JS index')).toBe(false);
  });

  it('shows archived_ratio only when it was asked for, and prints notes under the table', () => {
    expect(checkTargets(results(), {}).some((c) => c.label.startsWith('rebuild'))).toBe(false);
    const rows = checkTargets(results({ archived_ratio: null }), {}, { archived: 'archived_ratio not yet supported' });
    const table = formatChecks(rows);
    expect(table).toContain('rebuild with archived years / live only');
    expect(table).toContain('note: archived_ratio not yet supported');
    expect(formatChecks(checkTargets(results({ build_ratio: 3 }), {}))).toMatch(
      /build \/ floor\s+3\.00×\s+≤ 2×\s+FAIL/,
    );
  });

  it.each([
    [[3], 3],
    [[5, 1, 3], 3],
    [[4, 1, 3, 2], 2.5],
  ])('the median of %o is %d', (values, expected) => {
    expect(median(values)).toBe(expected);
  });
});

describe('finding the JavaScript of a built page', () => {
  it('lists script files and running inline scripts, not JSON data blocks', () => {
    const html = `<head><script type="module" src="/_astro/page.abc.js"></script><link rel="modulepreload" href="/_astro/dep.js">
      <script type="application/json" id="d">{"a":1}</script><script>console.log(1)</script><script type=module>import "./x.js"</script></head>`;
    expect(pageScripts(html)).toEqual({
      external: ['/_astro/page.abc.js', '/_astro/dep.js'],
      inline: ['console.log(1)', 'import "./x.js"'],
    });
  });

  it.each([
    ['import{a as b}from"./chunk.js";', ['./chunk.js']],
    ['import "./side.js"; import x from \'../y.mjs\'', ['../y.mjs', './side.js']],
    ['const m = await import("./lazy.js")', ['./lazy.js']],
    ['export{c}from"/_astro/c.js"', ['/_astro/c.js']],
    ['import Chart from "chart.js"', []],
  ])('reads the imports of %s', (code, expected) => {
    expect(jsImports(code).sort()).toEqual([...expected].sort());
  });
});

describe('summarising a CPU profile', () => {
  it.each([
    ['file:///repo/node_modules/rollup/dist/es/rollup.js', 'fn', 'rollup'],
    ['file:///repo/node_modules/@astrojs/markdown-remark/dist/index.js', 'fn', '@astrojs/markdown-remark'],
    ['file:///repo/src/lib/load.ts', 'fn', 'src/lib/load.ts'],
    ['node:internal/fs/promises', 'fn', 'node (built-in)'],
    ['', '(garbage collector)', '(garbage collector)'],
  ])('puts %s in group %s', (url, fn, group) => {
    expect(groupOf(url, fn, '/repo')).toBe(group);
  });

  it('adds up self time by group and total time inside a function', () => {
    const frame = (functionName: string, url: string) => ({ functionName, url });
    const profile: CpuProfile = {
      nodes: [
        { id: 1, callFrame: frame('(root)', ''), children: [2] },
        { id: 2, callFrame: frame('loadDataset', 'file:///repo/src/lib/load.ts'), children: [3] },
        { id: 3, callFrame: frame('parse', 'file:///repo/node_modules/papaparse/papaparse.js') },
      ],
      samples: [2, 3, 3, 1],
      timeDeltas: [0, 1000, 2000, 3000],
    };
    expect(timeByGroup(profile, '/repo')).toEqual([
      { name: 'papaparse', ms: 5 },
      { name: 'src/lib/load.ts', ms: 1 },
    ]);
    expect(inclusiveTime(profile, ['loadDataset', 'toString'])).toEqual({ loadDataset: 6, toString: 0 });
  });
});
