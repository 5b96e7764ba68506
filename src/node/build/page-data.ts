/**
 * The data the pages render from (src/data.ts reads it). The build validates data/ and archive/ once and hands the
 * result to its render threads in a file ($PLAN_PAGE_DATA), so they neither read nor validate the data again, with
 * what the lists of archived years need of the years it does not render. Outside the build (astro dev) the data is
 * read and validated here.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import type { ArchivedYear } from '../../lib/data/load-archive';
import type { Dataset } from '../../lib/data/model';
import { DataError, hasErrors } from '../../lib/data/problems';
import {
  judgeArchive,
  mergeArchiveSummaries,
  summarizeArchive,
  type ArchiveSummary,
} from '../../lib/status/archive-model';
import { loadSiteFromDisk } from '../data/load-site';

/** What the pages render from. */
export interface PageData {
  dataset: Dataset;
  /** Archived years whose pages are rendered from this data. */
  archives: ArchivedYear[];
  /** Every archived year as the lists of years show it (newest first), also the years whose pages are not rendered from this data. */
  archiveSummaries: ArchiveSummary[];
}

/** Marks the file as this format, so a stale or foreign file is refused rather than misread. */
const FORMAT = 'ke-hoach-page-data/1';

/** Writes the page data with V8's structured serialisation (plain objects, arrays and strings; several times faster to read back than CSV is to parse and validate). */
export function writePageData(file: string, data: PageData): void {
  writeFileSync(file, serialize({ format: FORMAT, data }));
}

/** Reads a file written by writePageData; throws naming the file when it is something else. */
export function readPageData(file: string): PageData {
  const value = deserialize(readFileSync(file)) as { format?: unknown; data?: PageData };
  if (value?.format !== FORMAT || !value.data)
    throw new Error(`${file}: not the page data of this version (expected ${FORMAT})`);
  return value.data;
}

/** The summaries of the archived years rendered from this data, with those of other years (newest first; a rendered year's own wins). */
export function summariesWith(archives: readonly ArchivedYear[], others: readonly ArchiveSummary[]): ArchiveSummary[] {
  return mergeArchiveSummaries(
    archives.map((a) => summarizeArchive(judgeArchive(a))),
    others,
  );
}

/** The page data: from the file $PLAN_PAGE_DATA names (in the build), else data/ and archive/ read and validated here; throws a DataError listing every problem. */
export function loadPageData(): PageData {
  const file = process.env.PLAN_PAGE_DATA;
  if (file) return readPageData(file);
  const { dataset, archives, issues } = loadSiteFromDisk();
  if (!dataset || hasErrors(issues)) throw new DataError(issues);
  return { dataset, archives, archiveSummaries: summariesWith(archives, []) };
}
