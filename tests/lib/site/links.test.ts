import { describe, expect, it } from 'vitest';
import { extractLinks, fileForPath, findBrokenLinks, pathForFile, resolveLink } from '../../../src/lib/site/links';

describe('finding links in a page', () => {
  it('reads href and src values with entities decoded', () => {
    const html = `<a href="/ke-hoach/plans/a/">x</a><img src='/ke-hoach/logo.svg'><a class="y" href="?q=1&amp;r=2">q</a><link rel="icon" href="x&#47;y">`;
    expect(extractLinks(html)).toEqual(['/ke-hoach/plans/a/', '/ke-hoach/logo.svg', '?q=1&r=2', 'x/y']);
  });

  it.each([
    ['index.html', ''],
    ['plans/a/index.html', 'plans/a/'],
    ['exports/a.json', 'exports/a.json'],
  ])('maps the file %s to the path %s and back', (file, path) => {
    expect(pathForFile(file)).toBe(path);
    expect(fileForPath(path)).toBe(file);
  });
});

describe('resolving a link against the base path /ke-hoach/', () => {
  it.each([
    [
      'an absolute link to a folder',
      'plans/a/index.html',
      '/ke-hoach/units/th/',
      { kind: 'internal', file: 'units/th/index.html' },
    ],
    [
      'a relative link',
      'plans/a/index.html',
      'sections/II/',
      { kind: 'internal', file: 'plans/a/sections/II/index.html' },
    ],
    ['a parent link', 'plans/a/tasks/I.1/index.html', '../../', { kind: 'internal', file: 'plans/a/index.html' }],
    [
      'a link with a query and a fragment',
      'index.html',
      '/ke-hoach/updates/?x=1#r-1',
      { kind: 'internal', file: 'updates/index.html' },
    ],
    [
      'a fragment on the same page',
      'archive/index.html',
      '#nam-2024',
      { kind: 'internal', file: 'archive/index.html' },
    ],
    [
      'a percent-encoded name',
      'index.html',
      '/ke-hoach/plans/k%E1%BA%BF/',
      { kind: 'internal', file: 'plans/kế/index.html' },
    ],
    ['a file', 'index.html', '/ke-hoach/exports/a.csv', { kind: 'internal', file: 'exports/a.csv' }],
    ['a link that forgets the base', 'index.html', '/plans/a/', { kind: 'outside-base', path: '/plans/a/' }],
    ['an external address', 'index.html', 'https://example.org/', { kind: 'external', url: 'https://example.org/' }],
    [
      'a protocol-relative address',
      'index.html',
      '//cdn.example.org/x.js',
      { kind: 'external', url: '//cdn.example.org/x.js' },
    ],
    ['a mail link', 'index.html', 'mailto:vp@example.org', { kind: 'other' }],
  ])('%s', (_, page, href, expected) => {
    expect(resolveLink(page, href, '/ke-hoach/')).toEqual(expected);
  });
});

describe('broken links', () => {
  const files = new Set(['index.html', 'plans/a/index.html', 'exports/a.json']);
  const exists = (f: string) => files.has(f);

  it('finds none when every link leads to a file', () => {
    const pages = [
      {
        file: 'index.html',
        html: '<a href="/ke-hoach/plans/a/">a</a> <a href="/ke-hoach/exports/a.json">j</a> <a href="https://x.org/">x</a>',
      },
    ];
    expect(findBrokenLinks(pages, exists, '/ke-hoach/')).toEqual([]);
  });

  it('names the page, the link and why it is broken', () => {
    const pages = [{ file: 'plans/a/index.html', html: '<a href="/ke-hoach/plans/b/">b</a><a href="/plans/a/">a</a>' }];
    expect(findBrokenLinks(pages, exists, '/ke-hoach/')).toEqual([
      {
        page: 'plans/a/index.html',
        href: '/ke-hoach/plans/b/',
        reason: 'leads to plans/b/index.html, which is not in the site',
      },
      {
        page: 'plans/a/index.html',
        href: '/plans/a/',
        reason: "leads to /plans/a/, outside the site's base path /ke-hoach/",
      },
    ]);
  });
});
