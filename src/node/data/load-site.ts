/** Loads everything the site is built from: the live data/ folder and every archived year, with all their problems. */
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import {
  checkPlanOverlap,
  hasArchivedYears,
  loadArchives,
  type ArchivedYear,
  type VerifiedYear,
} from '../../lib/data/load-archive';
import { todayInVietnam } from '../../lib/dates';
import { loadDataset } from '../../lib/data/load';
import type { Dataset } from '../../lib/data/model';
import type { DataIssue } from '../../lib/data/problems';
import { fsSource } from './fs-source';
import { sha256Hex } from '../hash';
import { interruptedSnapshotIssues } from '../archive/snapshot-journal';

/** The live dataset, the archived years and every problem in either. */
export interface SiteLoadResult {
  dataset: Dataset | undefined;
  archives: ArchivedYear[];
  /** Archived years only checked against their manifest (verifyOnly). */
  verified: VerifiedYear[];
  issues: DataIssue[];
}

/** The data folder: $PLAN_DATA_DIR, or `data` in the current directory. */
export function dataDirFromEnv(): string {
  return process.env.PLAN_DATA_DIR || 'data';
}

/** The archive folder: $PLAN_ARCHIVE_DIR, or `archive` beside the data folder (data/ → archive/). */
export function archiveDirFor(dataDir: string): string {
  return process.env.PLAN_ARCHIVE_DIR || resolve(dirname(resolve(dataDir)), 'archive');
}

/** Loads archive/ (each year checked against its manifest, skipYear left out, verifyOnly years not read) and data/; problems name files relative to cwd when inside it. */
export function loadSiteFromDisk(
  dataDir = dataDirFromEnv(),
  cwd = process.cwd(),
  archiveDir?: string,
  skipYear?: number,
  verifyOnly?: ReadonlySet<number>,
): SiteLoadResult {
  const buildDate = todayInVietnam();
  const archiveRoot = shownPath(archiveDir ?? archiveDirFor(resolve(cwd, dataDir)), cwd);
  // Nothing below data/ or archive/ is read through a link (they may be links themselves).
  const source = fsSource(cwd, { confine: [dataDir, archiveRoot] });
  const { archives, verified, issues } = loadArchives(source, {
    root: archiveRoot,
    buildDate,
    hash: sha256Hex,
    skipYear,
    verifyOnly,
  });
  const liveRoot = shownPath(dataDir, cwd);
  // Once a year is archived, data/plans/ may stay empty until the next year's plans are entered.
  const allowNoPlans = hasArchivedYears(source, archiveRoot);
  const live = loadDataset(source, { root: liveRoot, buildDate, allowNoPlans });
  const overlap = checkPlanOverlap(liveRoot, live.dataset, archives, verified);
  // A snapshot stopped part-way may have moved plans out of sight: nothing is built or published until it is finished or undone.
  const stopped = interruptedSnapshotIssues(resolve(cwd, dataDir, 'plans'), resolve(cwd, archiveRoot), (p) =>
    shownPath(p, cwd),
  );
  const all = [...stopped, ...live.issues, ...issues, ...overlap];
  return { dataset: stopped.length ? undefined : live.dataset, archives, verified, issues: all };
}

/** A folder as problems name it: relative to cwd when inside it, absolute otherwise. */
export function shownPath(dir: string, cwd = process.cwd()): string {
  const absolute = resolve(cwd, dir);
  const rel = relative(cwd, absolute);
  return rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? absolute : rel.split('\\').join('/');
}
