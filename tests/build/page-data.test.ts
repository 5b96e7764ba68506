import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSiteFromDisk } from '../../src/node/data/load-site';
import { readPageData, writePageData } from '../../src/node/build/page-data';

const dir = mkdtempSync(join(tmpdir(), 'page-data-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const { dataset, archives } = loadSiteFromDisk('data');

describe('the page data the build hands to its render threads', () => {
  it('gives back the validated dataset exactly', () => {
    const file = join(dir, 'pages.v8');
    writePageData(file, { dataset: dataset!, archives, archiveSummaries: [] });
    expect(readPageData(file)).toEqual({ dataset, archives, archiveSummaries: [] });
  });

  it('refuses a file that is not page data, naming it', () => {
    const file = join(dir, 'other.v8');
    writeFileSync(file, new Uint8Array([0xff, 0x0f, 0x22, 0x01, 0x41]));
    expect(() => readPageData(file)).toThrow(/other\.v8: not the page data of this version/);
  });
});
