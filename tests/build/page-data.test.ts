import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSiteFromDisk } from '../../src/node/data/load-site';
import { readSiteSnapshot, writeSiteSnapshot } from '../../src/node/build/page-data';

const dir = mkdtempSync(join(tmpdir(), 'site-snapshot-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const { dataset, archives } = loadSiteFromDisk('data');

describe('the data snapshot the build hands to its render threads', () => {
  it('gives back the validated dataset exactly', () => {
    const file = join(dir, 'site.v8');
    writeSiteSnapshot(file, { dataset: dataset!, archives, cachedYears: [] });
    expect(readSiteSnapshot(file)).toEqual({ dataset, archives, cachedYears: [] });
  });

  it('refuses a file that is not a snapshot, naming it', () => {
    const file = join(dir, 'other.v8');
    writeFileSync(file, new Uint8Array([0xff, 0x0f, 0x22, 0x01, 0x41]));
    expect(() => readSiteSnapshot(file)).toThrow(/other\.v8: not a site snapshot/);
  });
});
