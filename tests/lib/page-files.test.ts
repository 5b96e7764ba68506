import { describe, expect, it } from 'vitest';
import { expectedStatus, outputFile, pathParams, renderBatches, requestPath } from '../../src/lib/page-files';

describe('where the build requests and writes each page (as Astro’s static build does)', () => {
  it('requests pages at a path ending in a slash under the base, endpoints as named, the home page at the base', () => {
    expect(requestPath('/plans/2024-a/tasks/II.1/', 'page', '/')).toBe('/plans/2024-a/tasks/II.1/');
    expect(requestPath('/archive', 'page', '/')).toBe('/archive/');
    expect(requestPath('/archive', 'page', '/ke-hoach/')).toBe('/ke-hoach/archive/');
    expect(requestPath('/exports/2024-a.csv/', 'endpoint', '/ke-hoach/')).toBe('/ke-hoach/exports/2024-a.csv/');
    expect(requestPath('/tasks/search-index.json', 'endpoint', '/')).toBe('/tasks/search-index.json');
    expect(requestPath('/', 'page', '/ke-hoach/')).toBe('/ke-hoach/');
  });

  it('writes a page as index.html in its own folder, an endpoint as its file, 404 and 500 as .html files', () => {
    expect(outputFile('/plans/2024-a/tasks/II.1/', 'page')).toBe('plans/2024-a/tasks/II.1/index.html');
    expect(outputFile('/archive', 'page')).toBe('archive/index.html');
    expect(outputFile('/', 'page')).toBe('index.html');
    expect(outputFile('/exports/2024-a.csv/', 'endpoint')).toBe('exports/2024-a.csv');
    expect(outputFile('/updates/rss.xml', 'endpoint')).toBe('updates/rss.xml');
    expect(outputFile('/404', 'page')).toBe('404.html');
    expect(expectedStatus('/404', 'page')).toBe(404);
    expect(expectedStatus('/404/', 'page')).toBe(404);
    expect(expectedStatus('/plans/x/', 'page')).toBe(200);
    expect(expectedStatus('/exports/404', 'endpoint')).toBe(200);
  });

  it('puts getStaticPaths params into a path as Astro does: no slashes at the ends, numbers as text, undefined left out', () => {
    expect(pathParams({ plan: '/2024-a/', task: 'II.1', page: 3, none: undefined })).toEqual({
      plan: '2024-a',
      task: 'II.1',
      page: '3',
    });
  });

  it('batches the pages for the render threads: the routes without parameters together first, then the rest in order', () => {
    const page = (name: string, single: boolean) => ({ name, single });
    const pages = [
      page('a1', false),
      page('home', true),
      page('a2', false),
      page('a3', false),
      page('tasks', true),
      page('a4', false),
      page('a5', false),
    ];
    expect(renderBatches(pages, 2).map((b) => b.map((p) => p.name))).toEqual([
      ['home', 'tasks'],
      ['a1', 'a2'],
      ['a3', 'a4'],
      ['a5'],
    ]);
    const all = renderBatches(pages, 3).flat();
    expect(all).toHaveLength(pages.length);
    expect(new Set(all)).toEqual(new Set(pages));
  });
});
