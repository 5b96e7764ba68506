import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSiteFromDisk } from '../../src/node/load-site';
import { readSiteSnapshot, writeSiteSnapshot } from '../../src/node/site-snapshot';

const dir = mkdtempSync(join(tmpdir(), 'site-snapshot-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const { dataset, archives } = loadSiteFromDisk('data');

describe('the data snapshot the build hands to its Astro processes', () => {
  it('gives back the validated dataset exactly', () => {
    const file = join(dir, 'site.v8');
    writeSiteSnapshot(file, { dataset: dataset!, archives, cachedYears: [] });
    expect(readSiteSnapshot(file)).toEqual({ dataset, archives, cachedYears: [] });
  });

  it('waits for the file while the build is still validating', async () => {
    const ready = join(dir, 'ready.v8');
    const file = join(dir, 'later.v8');
    writeSiteSnapshot(ready, { dataset: dataset!, archives: [], cachedYears: [] });
    // Another process puts the file in place 300 ms from now, as the build does once the data is valid.
    const mover = spawn(process.execPath, ['-e', `setTimeout(() => require('node:fs').renameSync(${JSON.stringify(ready)}, ${JSON.stringify(file)}), 300)`]);
    const started = Date.now();
    expect(readSiteSnapshot(file).dataset.site).toEqual(dataset!.site);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    await new Promise((resolve) => mover.on('close', resolve));
  });

  it('refuses a file that is not a snapshot, naming it', () => {
    const file = join(dir, 'other.v8');
    writeFileSync(file, new Uint8Array([0xff, 0x0f, 0x22, 0x01, 0x41]));
    expect(() => readSiteSnapshot(file)).toThrow(/other\.v8: not a site snapshot/);
  });
});
