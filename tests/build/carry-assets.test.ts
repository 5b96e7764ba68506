import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { carryAssets, OWN_ASSETS_FILE, ownAssets, recordOwnAssets } from '../../src/node/releases/carry-assets';
import { rollback } from '../../src/node/releases/publish';
import { RELEASE_MARKER } from '../../src/node/releases/release-folders';

describe('old pages keep their assets across releases', () => {
  let target: string;
  /** A finished release folder with these _astro files (each holding its own name). */
  const release = (name: string, assets: string[], record = true) => {
    const dir = join(target, 'releases', name);
    mkdirSync(join(dir, '_astro'), { recursive: true });
    for (const a of assets) writeFileSync(join(dir, '_astro', a), a);
    writeFileSync(join(dir, 'index.html'), `<p>${name}</p>`);
    writeFileSync(join(dir, RELEASE_MARKER), '{}');
    if (record) recordOwnAssets(dir);
    return dir;
  };
  const assetsOf = (dir: string) => readdirSync(join(dir, '_astro')).sort();
  beforeEach(() => {
    target = mkdtempSync(join(tmpdir(), 'carry-'));
  });
  afterEach(() => rmSync(target, { recursive: true, force: true }));

  it('gives a new release the files of the kept releases that it lacks, as hard links', () => {
    const a = release('2025-01-01T00-00-00-000Z', ['Base.A.css', 'chart.A.js', 'chart.A.js.gz']);
    const b = release('2025-01-02T00-00-00-000Z', ['Base.B.css', 'chart.A.js', 'chart.A.js.gz']);
    expect(carryAssets(b, [a, b])).toEqual(['Base.A.css']);
    expect(assetsOf(b)).toEqual(['Base.A.css', 'Base.B.css', 'chart.A.js', 'chart.A.js.gz']);
    expect(statSync(join(b, '_astro', 'Base.A.css')).ino).toBe(statSync(join(a, '_astro', 'Base.A.css')).ino);
    expect(ownAssets(b)).toEqual(['Base.B.css', 'chart.A.js', 'chart.A.js.gz']);
  });

  it('carries only a release’s own files, so a pruned release’s files do not live on', () => {
    const a = release('2025-01-01T00-00-00-000Z', ['x.A.css']);
    const b = release('2025-01-02T00-00-00-000Z', ['x.B.css']);
    carryAssets(b, [a]);
    rmSync(a, { recursive: true });
    const c = release('2025-01-03T00-00-00-000Z', ['x.C.css']);
    expect(carryAssets(c, [b])).toEqual(['x.B.css']);
    expect(assetsOf(c)).toEqual(['x.B.css', 'x.C.css']);
  });

  it('takes every file of a release published before releases listed their own', () => {
    const old = release('2025-01-01T00-00-00-000Z', ['x.A.css'], false);
    expect(existsSync(join(old, OWN_ASSETS_FILE))).toBe(false);
    expect(ownAssets(old)).toEqual(['x.A.css']);
  });

  it('ignores names in a list that would lead out of the folder', () => {
    const a = release('2025-01-01T00-00-00-000Z', ['x.A.css']);
    writeFileSync(join(a, OWN_ASSETS_FILE), JSON.stringify(['x.A.css', '../index.html', '..', 'a/b', 3]));
    expect(ownAssets(a)).toEqual(['x.A.css']);
  });

  it('gives the release a rollback goes back to the assets of the release it leaves', () => {
    const a = release('2025-01-01T00-00-00-000Z', ['x.A.css']);
    const b = release('2025-01-02T00-00-00-000Z', ['x.B.css']);
    symlinkSync(join('releases', '2025-01-02T00-00-00-000Z'), join(target, 'current'));
    const result = rollback(target);
    expect(result.ok, result.message).toBe(true);
    expect(assetsOf(a)).toEqual(['x.A.css', 'x.B.css']);
    expect(readFileSync(join(target, 'current', '_astro', 'x.B.css'), 'utf8')).toBe('x.B.css');
    expect(assetsOf(b)).toEqual(['x.B.css']);
  });
});
