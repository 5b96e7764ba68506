import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuildOptions } from '../../src/node/build/build-site';
import { checkBuiltSite, listFiles } from '../../src/node/releases/check-site';
import { snapshotYear } from '../../src/node/archive/freeze-year';
import { E2E_BASE } from '../support/build-once';
import { addPlan2025, copyData, type TempData } from '../support/temp-data';

const PLAN = '2024-khac-phuc';
const VITEST_ENV = ['SITE_BASE', 'BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR'];
const isArchived = (file: string) => file.startsWith(`plans/${PLAN}/`) || file.startsWith(`exports/${PLAN}.`);

/** Builds like npm run build under E2E_BASE with the given cache options; returns the folder and what the build said. */
async function build(dataDir: string, options: Partial<BuildOptions>): Promise<{ dir: string; log: string[] }> {
  const dir = join(mkdtempSync(join(tmpdir(), 'site-cache-')), 'dist');
  const saved = Object.fromEntries(VITEST_ENV.map((key) => [key, process.env[key]]));
  for (const key of VITEST_ENV) delete process.env[key];
  process.env.SITE_BASE = E2E_BASE;
  const log: string[] = [];
  try {
    const result = await buildSite({ outDir: dir, dataDir, log: (line) => log.push(line), ...options });
    if (!result.ok) throw new Error(`test build failed:\n${log.join('\n')}`);
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
  return { dir, log };
}

/** Files whose bytes differ between two site folders, and files only one of them has. */
function differences(a: string, b: string, only: (file: string) => boolean = () => true): string[] {
  const filesA = listFiles(a).filter(only);
  const filesB = listFiles(b).filter(only);
  const missing = [...filesA.filter((f) => !filesB.includes(f)), ...filesB.filter((f) => !filesA.includes(f))];
  const changed = filesA.filter(
    (f) => filesB.includes(f) && !readFileSync(join(a, f)).equals(readFileSync(join(b, f))),
  );
  return [...missing, ...changed];
}

describe('reusing archived years from the build cache', () => {
  let data: TempData;
  let cache: string;
  let fresh: { dir: string; log: string[] };
  let cold: { dir: string; log: string[] };
  let warm: { dir: string; log: string[] };
  let changed: { dir: string; log: string[] };
  let recoded: { dir: string; log: string[] };
  beforeAll(async () => {
    data = copyData('archive-cache-');
    const snap = snapshotYear({ year: 2024, dataDir: data.dataDir, now: new Date('2025-01-05T02:00:00.000Z') });
    if (!snap.ok) throw new Error(snap.message);
    addPlan2025(data);
    cache = mkdtempSync(join(tmpdir(), 'archive-cache-dir-'));
    // Two render threads share the pages of this one (src/node/build/render-pages.ts); the others use one.
    fresh = await build(data.dataDir, { archiveCache: false, threads: 2 });
    cold = await build(data.dataDir, { archiveCache: cache, codeFingerprint: 'code-1' });
    warm = await build(data.dataDir, { archiveCache: cache, codeFingerprint: 'code-1' });
    data.edit('data/site.json', '2024-11-30', '2025-02-15');
    data.edit('data/units.csv', 'Phòng Hành chính - Quản trị,P.HCQT', 'Phòng Tổ chức - Hành chính,P.TCHC');
    changed = await build(data.dataDir, { archiveCache: cache, codeFingerprint: 'code-1' });
    recoded = await build(data.dataDir, { archiveCache: cache, codeFingerprint: 'code-2' });
  }, 300_000);
  afterAll(() => {
    for (const b of [fresh, cold, warm, changed, recoded])
      if (b) rmSync(join(b.dir, '..'), { recursive: true, force: true });
    if (cache) rmSync(cache, { recursive: true, force: true });
    data?.cleanup();
  });

  it('renders the archived year on the first build and copies it from the cache on the next', () => {
    expect(fresh.log.join('\n')).not.toContain('Archived years copied');
    expect(cold.log).toContain('Archived years copied from the cache: none; rendered and cached: 2024.');
    expect(warm.log).toContain('Archived years copied from the cache: 2024; rendered and cached: none.');
    // One entry per code version: the first build's, and the one made after the simulated code change below.
    expect(readdirSync(cache).filter((n) => n.startsWith('2024-'))).toHaveLength(2);
  });

  it('gives the same site byte for byte with and without the cache, and in one or two render threads, every file', () => {
    expect(listFiles(cold.dir).filter(isArchived).length).toBeGreaterThan(10);
    expect(differences(fresh.dir, cold.dir)).toEqual([]);
    expect(differences(cold.dir, warm.dir)).toEqual([]);
  });

  it('leaves no broken link in a site assembled from the cache (its pages find their styles and scripts)', () => {
    const expected = listFiles(fresh.dir);
    expect(checkBuiltSite(warm.dir, E2E_BASE, expected)).toEqual([]);
    expect(checkBuiltSite(changed.dir, E2E_BASE, expected.filter(isArchived))).toEqual([]);
  });

  it('keeps archived pages and exports identical when live data changes, while live pages change', () => {
    expect(changed.log).toContain('Archived years copied from the cache: 2024; rendered and cached: none.');
    expect(differences(warm.dir, changed.dir, isArchived)).toEqual([]);
    expect(differences(warm.dir, changed.dir, (f) => f === 'index.html' || f === 'plans/2025-moi/index.html')).toEqual([
      'index.html',
      'plans/2025-moi/index.html',
    ]);
    expect(readFileSync(join(changed.dir, 'index.html'), 'utf8')).toContain('15/02/2025');
  });

  it('renders the archived year again after a code change, and drops nothing from the site', () => {
    expect(recoded.log).toContain('Archived years copied from the cache: none; rendered and cached: 2024.');
    expect(differences(changed.dir, recoded.dir)).toEqual([]);
  });

  it('still stops on an archived file that no longer matches its manifest, even with a cached render', async () => {
    writeFileSync(join(data.archiveDir, '2024', 'units.csv'), `${data.read('archive/2024/units.csv')}x,X,X\n`);
    await expect(build(data.dataDir, { archiveCache: cache, codeFingerprint: 'code-2' })).rejects.toThrow(
      /archive\/2024\/units\.csv: does not match/,
    );
  });
});
