import { describe, expect, it } from 'vitest';
import { renderBatches, renderThreadCount } from '../../../src/lib/build/render-plan';
import type { SitePage } from '../../../src/lib/site/site-pages';

describe('how many threads render the pages', () => {
  it('uses one thread below 5 MB of data (1,000 tasks: a second thread did not pay) and one per CPU (at most four) above', () => {
    expect(renderThreadCount(60_000, 2)).toBe(1);
    expect(renderThreadCount(2_600_000, 2)).toBe(1);
    expect(renderThreadCount(26_000_000, 2)).toBe(2);
    expect(renderThreadCount(26_000_000, 1)).toBe(1);
    expect(renderThreadCount(26_000_000, 32)).toBe(4);
  });
});

describe('the batches the render threads take', () => {
  it('puts the fixed pages together first, then the rest in order', () => {
    const page = (path: string, params: Record<string, string>): SitePage => ({
      route: 'plan',
      params,
      path,
      file: path,
    });
    const pages = [
      page('a1', { plan: 'a1' }),
      page('', {}),
      page('a2', { plan: 'a2' }),
      page('a3', { plan: 'a3' }),
      page('tasks/', {}),
      page('a4', { plan: 'a4' }),
      page('a5', { plan: 'a5' }),
    ];
    expect(renderBatches(pages, 2).map((b) => b.map((p) => p.path))).toEqual([
      ['', 'tasks/'],
      ['a1', 'a2'],
      ['a3', 'a4'],
      ['a5'],
    ]);
    const all = renderBatches(pages, 3).flat();
    expect(all).toHaveLength(pages.length);
    expect(new Set(all)).toEqual(new Set(pages));
  });
});
