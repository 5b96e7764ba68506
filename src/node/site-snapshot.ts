/** The validated data handed from the build's first step to its Astro processes, so they neither read nor validate data/ again. */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import type { ArchivedYear } from '../lib/archive';
import type { ArchiveSummary } from '../lib/archive-model';
import type { Dataset } from '../lib/model';

/** What the Astro processes render from. */
export interface SiteSnapshot {
  dataset: Dataset;
  /** Archived years whose pages this build renders. */
  archives: ArchivedYear[];
  /** Archived years whose pages come from the build's cache: only what the lists of years show. */
  cachedYears: ArchiveSummary[];
}

/** Marks the file as this format, so a stale or foreign file is refused rather than misread. */
const FORMAT = 'ke-hoach-site-snapshot/1';

/** Writes the snapshot with V8's structured serialisation (plain objects, arrays and strings; several times faster to read back than CSV is to parse and validate), whole or not at all (a reader may be waiting for the file). */
export function writeSiteSnapshot(file: string, snapshot: SiteSnapshot): void {
  writeFileSync(`${file}.tmp`, serialize({ format: FORMAT, snapshot }));
  renameSync(`${file}.tmp`, file);
}

/** How long an Astro process waits for the data before giving up (validating a province takes seconds). */
const WAIT_MS = 15 * 60 * 1000;

/**
 * Reads a snapshot written by writeSiteSnapshot, first waiting for it: the build starts its Astro processes while it
 * still validates the data, so their start and bundling overlap the validation. Throws naming the file when it is
 * something else, or when the process that started this one has gone.
 */
export function readSiteSnapshot(file: string): SiteSnapshot {
  const parent = process.ppid;
  const deadline = Date.now() + WAIT_MS;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  while (!existsSync(file)) {
    if (process.ppid !== parent) throw new Error(`${file}: the build that started this process has stopped`);
    if (Date.now() > deadline) throw new Error(`${file}: no data after ${WAIT_MS / 60_000} minutes`);
    // A synchronous pause (getSiteData is synchronous): 20 ms between looks.
    Atomics.wait(pause, 0, 0, 20);
  }
  const value = deserialize(readFileSync(file)) as { format?: unknown; snapshot?: SiteSnapshot };
  if (value?.format !== FORMAT || !value.snapshot) throw new Error(`${file}: not a site snapshot of this version (expected ${FORMAT})`);
  return value.snapshot;
}
