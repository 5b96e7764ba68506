import { describe, expect, it } from 'vitest';
import {
  buildManifest,
  checkManifestYear,
  parseManifest,
  serializeManifest,
  verifyManifest,
} from '../../../src/lib/data/manifest';

const H = (c: string) => c.repeat(64);
const hashes = new Map([
  ['units.csv', H('a')],
  ['plans/p/tasks.csv', H('b')],
  ['manifest.json', H('f')],
  ['leaders.csv', H('c')],
]);
const manifest = buildManifest({
  year: 2024,
  asOf: '2024-12-31',
  snapshotAt: '2025-01-05T02:00:00.000Z',
  plans: ['p'],
  hashes,
});

describe('archive manifest', () => {
  it('lists every file but itself, in a stable order, with the as-of date and snapshot time', () => {
    expect(Object.keys(manifest.files)).toEqual(['leaders.csv', 'plans/p/tasks.csv', 'units.csv']);
    expect(manifest).toMatchObject({
      format: 1,
      year: 2024,
      as_of: '2024-12-31',
      snapshot_at: '2025-01-05T02:00:00.000Z',
      plans: ['p'],
    });
    expect(serializeManifest(manifest)).toBe(
      serializeManifest(buildManifest({ ...manifestInput(), hashes: new Map([...hashes].reverse()) })),
    );
  });

  it('reads back what it writes', () => {
    expect(parseManifest('archive/2024/manifest.json', serializeManifest(manifest))).toEqual({ manifest, issues: [] });
  });

  it.each([
    ['not JSON', '{', 'is not valid JSON'],
    [
      'a bad hash',
      JSON.stringify({ ...manifest, files: { 'units.csv': 'abc' } }),
      'files.units.csv is not a SHA-256 in hex',
    ],
    [
      'a bad as-of date',
      JSON.stringify({ ...manifest, as_of: '31/12/2024' }),
      'as_of is not a date written YYYY-MM-DD',
    ],
  ])('refuses a manifest with %s, naming the file', (_, text, message) => {
    const { manifest: m, issues } = parseManifest('archive/2024/manifest.json', text);
    expect(m).toBeUndefined();
    expect(issues[0]).toMatchObject({ file: 'archive/2024/manifest.json', level: 'error' });
    expect(issues[0]!.message).toContain(message);
  });

  it('accepts the files it lists, unchanged', () => {
    expect(verifyManifest('archive/2024', manifest, hashes)).toEqual([]);
  });

  it.each([
    [
      'a changed file',
      new Map([...hashes, ['units.csv', H('9')]]),
      'archive/2024/units.csv',
      'archive-tampered',
      'does not match archive/2024/manifest.json',
    ],
    [
      'a missing file',
      new Map([...hashes].filter(([p]) => p !== 'leaders.csv')),
      'archive/2024/leaders.csv',
      'archive-missing-file',
      'is listed in archive/2024/manifest.json but missing',
    ],
    [
      'an added file',
      new Map([...hashes, ['plans/p/progress.json', H('d')]]),
      'archive/2024/plans/p/progress.json',
      'archive-extra-file',
      'is not listed in archive/2024/manifest.json',
    ],
  ])('names %s', (_, actual, file, code, message) => {
    const issues = verifyManifest('archive/2024', manifest, actual);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file, code, level: 'error' });
    expect(issues[0]!.message).toContain(message);
  });

  it('says how to recover from a changed file', () => {
    const [issue] = verifyManifest('archive/2024', manifest, new Map([...hashes, ['units.csv', H('9')]]));
    expect(issue!.message).toMatchInlineSnapshot(
      `"does not match archive/2024/manifest.json (SHA-256 expected aaaaaaaaaaaa…, found 999999999999…); an archived file must not change; restore it from a backup, or re-freeze the year with npm run snapshot -- 2024 --force"`,
    );
  });

  it('belongs to the folder of its year', () => {
    expect(checkManifestYear('archive/2024', 2024, manifest)).toEqual([]);
    expect(checkManifestYear('archive/2023', 2023, manifest)[0]).toMatchObject({
      file: 'archive/2023/manifest.json',
      code: 'archive-year',
    });
  });
});

function manifestInput() {
  return { year: 2024, asOf: '2024-12-31', snapshotAt: '2025-01-05T02:00:00.000Z', plans: ['p'], hashes };
}
