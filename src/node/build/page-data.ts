/** The validated data handed from the build's first step to its render threads, so they neither read nor validate data/ again. */
import { readFileSync, writeFileSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import type { ArchivedYear } from '../../lib/data/load-archive';
import type { ArchiveSummary } from '../../lib/status/archive-model';
import type { Dataset } from '../../lib/data/model';

/** What the render threads render from. */
export interface SiteSnapshot {
  dataset: Dataset;
  /** Archived years whose pages this build renders. */
  archives: ArchivedYear[];
  /** Archived years whose pages come from the build's cache: only what the lists of years show. */
  cachedYears: ArchiveSummary[];
}

/** Marks the file as this format, so a stale or foreign file is refused rather than misread. */
const FORMAT = 'ke-hoach-site-snapshot/1';

/** Writes the snapshot with V8's structured serialisation (plain objects, arrays and strings; several times faster to read back than CSV is to parse and validate). */
export function writeSiteSnapshot(file: string, snapshot: SiteSnapshot): void {
  writeFileSync(file, serialize({ format: FORMAT, snapshot }));
}

/** Reads a snapshot written by writeSiteSnapshot; throws naming the file when it is something else. */
export function readSiteSnapshot(file: string): SiteSnapshot {
  const value = deserialize(readFileSync(file)) as { format?: unknown; snapshot?: SiteSnapshot };
  if (value?.format !== FORMAT || !value.snapshot)
    throw new Error(`${file}: not a site snapshot of this version (expected ${FORMAT})`);
  return value.snapshot;
}
