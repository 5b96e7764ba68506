import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  archiveCacheKey,
  codeFingerprint,
  planOutputs,
  readSiteFrame,
  type CacheContext,
} from '../../src/node/build/archive-cache';

const manifest = new TextEncoder().encode('{"format":1,"year":2024}');
const context: CacheContext = {
  code: 'code-1',
  base: '/ke-hoach/',
  site: { title: 'Theo dõi', organization: 'Văn phòng' },
};

describe('the cache key of an archived year', () => {
  it.each([
    ['its manifest', new TextEncoder().encode('{"format":1,"year":2023}'), context],
    ['the code', manifest, { ...context, code: 'code-2' }],
    ['the base path', manifest, { ...context, base: '/' }],
    ['the site title every page shows', manifest, { ...context, site: { ...context.site, title: 'Tiến độ' } }],
    [
      'the organization every page shows',
      manifest,
      { ...context, site: { ...context.site, organization: 'Sở Nội vụ' } },
    ],
  ])('changes with %s', (_what, bytes, other) => {
    expect(archiveCacheKey(bytes, other)).not.toBe(archiveCacheKey(manifest, context));
  });

  it('is the same for the same inputs', () => {
    expect(archiveCacheKey(manifest, { ...context })).toBe(archiveCacheKey(manifest, context));
  });

  it("covers a plan's pages folder and the exports, with their precompressed copies", () => {
    expect(planOutputs(['2024-a'])).toEqual([
      'plans/2024-a',
      'exports/2024-a.json',
      'exports/2024-a.csv',
      'exports/2024-a.xlsx',
      'exports/2024-a.json.gz',
      'exports/2024-a.csv.gz',
    ]);
  });

  it('covers only the year export of a plan the year froze while it goes on (its pages are the live plan’s)', () => {
    expect(planOutputs(['2024-a'], 2024, ['2023-b'])).toEqual([
      'plans/2024-a',
      'exports/2024-a.json',
      'exports/2024-a.csv',
      'exports/2024-a.xlsx',
      'exports/2024-a.json.gz',
      'exports/2024-a.csv.gz',
      'exports/2023-b.2024.json',
    ]);
  });
});

describe('the code fingerprint and the site frame', () => {
  const root = mkdtempSync(join(tmpdir(), 'fingerprint-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const put = (path: string, text: string) => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  };

  it('changes when a source file, a public file or the lock file changes, and not otherwise', () => {
    put('src/pages/index.astro', 'a');
    put('public/favicon.png', 'p');
    put('package-lock.json', '{}');
    put('data/site.json', '{}');
    const first = codeFingerprint(root);
    put('data/site.json', '{"as_of":"2025-01-01"}');
    expect(codeFingerprint(root)).toBe(first);
    for (const path of ['src/pages/index.astro', 'public/favicon.png', 'package-lock.json']) {
      const before = codeFingerprint(root);
      put(path, `${path} changed`);
      expect(codeFingerprint(root), path).not.toBe(before);
    }
  });

  it("reads the live site's title and organization, not its as-of date", () => {
    put('data/site.json', '{"title":"T","organization":"O","as_of":"2025-01-01"}');
    expect(readSiteFrame(join(root, 'data'))).toEqual({ title: 'T', organization: 'O' });
  });
});
