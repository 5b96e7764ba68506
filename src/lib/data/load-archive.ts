/** Loading archive/<year>/: each year checked against its manifest first, then read with the same loader as data/. */
import type { IsoDate } from '../dates';
import { decodeBytes } from './decode';
import { CONTINUING_FOLDER, loadDataset, type DataSource } from './load';
import { listEntries, readEntry } from './load-context';
import { checkManifestYear, MANIFEST_FILE, parseManifest, verifyManifest, type ArchiveManifest } from './manifest';
import type { Dataset } from './model';
import { isLiveIn, lastYearOf, yearsLabel } from './plan-years';
import { errorAt, hasErrors, quote, type DataIssue } from './problems';
import { checkSeal, sealPath } from './seal';

/** A year folder's name. */
export const YEAR_FOLDER = /^\d{4}$/;

/** One archived year, checked and loaded. */
export interface ArchivedYear {
  year: number;
  /** The folder, e.g. archive/2024. */
  dir: string;
  /** The frozen as-of date every plan of the year is judged at. */
  asOf: IsoDate;
  /** When the snapshot was taken (ISO 8601). */
  snapshotAt: string;
  /** The year's own site settings, units, leaders and plans. */
  dataset: Dataset;
}

/** Settings of one archive load. */
export interface ArchiveLoadOptions {
  /** The archive folder, e.g. `archive`. */
  root: string;
  /** Today in Vietnam (only used if an archived site.json had no as_of, which a snapshot never writes). */
  buildDate: IsoDate;
  /** SHA-256 in hex of a file's bytes (node:crypto in src/node; passed in so this module stays pure). */
  hash: (bytes: Uint8Array) => string;
  /** A year to leave out (the one a forced snapshot is about to replace). */
  skipYear?: number | undefined;
  /** Years checked against their manifest but not read (the build has their pages cached, keyed by the manifest). */
  verifyOnly?: ReadonlySet<number> | undefined;
  /** Check each year's manifest against its seal, `<root>/<year>.seal` (default true; false for a snapshot checking the year it is writing). */
  sealed?: boolean | undefined;
}

/** An archived year whose files match its manifest, not read further: its plan ids are those the manifest lists. */
export interface VerifiedYear {
  year: number;
  dir: string;
  plans: string[];
}

/** Loads every archived year under root; a year whose files do not match its manifest is reported and not loaded. */
export function loadArchives(
  source: DataSource,
  options: ArchiveLoadOptions,
): { archives: ArchivedYear[]; verified: VerifiedYear[]; issues: DataIssue[] } {
  const archives: ArchivedYear[] = [];
  const verified: VerifiedYear[] = [];
  const listed = listEntries(source, options.root);
  const issues: DataIssue[] = [...listed.issues];
  const years = new Set(listed.entries.filter((e) => e.isDir).map((e) => e.name));
  issues.push(...orphanSeals(options.root, listed.entries, years));
  for (const entry of listed.entries) {
    if (!entry.isDir) continue;
    const dir = `${options.root}/${entry.name}`;
    if (Number(entry.name) === options.skipYear) continue;
    if (!YEAR_FOLDER.test(entry.name)) {
      issues.push(
        errorAt(
          { file: dir },
          'archive-folder',
          `folder name ${quote(entry.name)} is not a year; archived years live in folders like ${options.root}/2024/`,
        ),
      );
      continue;
    }
    const year = loadArchivedYear(source, dir, Number(entry.name), options);
    issues.push(...year.issues);
    if (year.archive) archives.push(year.archive);
    if (year.verified) verified.push(year.verified);
  }
  return { archives, verified, issues };
}

/** Checks one archived year against its manifest, then loads it; the archive only when it has no errors. */
export function loadArchivedYear(
  source: DataSource,
  dir: string,
  year: number,
  options: ArchiveLoadOptions,
): { archive?: ArchivedYear; verified?: VerifiedYear; issues: DataIssue[] } {
  const manifestPath = `${dir}/${MANIFEST_FILE}`;
  if (source.size(manifestPath) === undefined) {
    return {
      issues: [
        errorAt(
          { file: manifestPath },
          'missing-file',
          `is missing; an archived year needs the manifest written by npm run snapshot -- ${year}`,
        ),
      ],
    };
  }
  const read = readEntry(source, manifestPath);
  if ('issue' in read) return { issues: [read.issue] };
  const sealIssues = options.sealed === false ? [] : verifySeal(source, dir, year, options.hash(read.bytes));
  const decoded = decodeBytes(read.bytes);
  if (!decoded.ok) return { issues: [...sealIssues, errorAt({ file: manifestPath }, 'encoding', decoded.message)] };
  const { manifest, issues } = parseManifest(manifestPath, decoded.text);
  issues.unshift(...sealIssues);
  if (!manifest) return { issues };
  issues.push(...checkManifestYear(dir, year, manifest));
  const refused: DataIssue[] = [];
  const hashes = hashFiles(source, dir, options.hash, refused);
  // A file that is refused (a link, even to the same bytes) is named as such, not also as missing.
  const under = (file: string) => refused.some((r) => file === r.file || file.startsWith(`${r.file}/`));
  issues.push(...refused, ...verifyManifest(dir, manifest, hashes).filter((i) => !under(i.file)));
  // A record that does not match its manifest is not read at all: what it says can no longer be trusted.
  if (hasErrors(issues)) return { issues };
  if (options.verifyOnly?.has(year)) return { verified: { year, dir, plans: manifest.plans }, issues };
  const loaded = loadDataset(source, { root: dir, buildDate: options.buildDate, continuing: true });
  issues.push(...loaded.issues);
  if (!loaded.dataset) return { issues };
  issues.push(...checkArchivedDataset(dir, year, manifest, loaded.dataset));
  if (hasErrors(issues)) return { issues };
  return {
    archive: { year, dir, asOf: manifest.as_of, snapshotAt: manifest.snapshot_at, dataset: loaded.dataset },
    issues,
  };
}

/** The plans frozen in archived years while they go on, as the year exports they have (exports/<id>.<year>.json). */
export function continuingRecords(
  archives: readonly { year: number; dataset: Pick<Dataset, 'continuing'> }[],
): { plan: string; year: number }[] {
  return archives.flatMap((a) => (a.dataset.continuing ?? []).map((p) => ({ plan: p.id, year: a.year })));
}

/** True when root holds at least one year folder (so data/plans/ may be empty). */
export function hasArchivedYears(source: DataSource, root: string): boolean {
  return listEntries(source, root).entries.some((e) => e.isDir && YEAR_FOLDER.test(e.name));
}

/** Hashes every file below dir (hidden ones excepted, as the loader skips them), by path relative to dir; an entry that cannot be read (a link, a pipe) goes into `refused`, or throws when none is given. */
export function hashFiles(
  source: DataSource,
  dir: string,
  hash: (bytes: Uint8Array) => string,
  refused?: DataIssue[],
): Map<string, string> {
  const out = new Map<string, string>();
  const refuse = (issue: DataIssue) => {
    if (!refused) throw new Error(`${issue.file}: ${issue.message}`);
    refused.push(issue);
  };
  const walk = (rel: string) => {
    const listed = listEntries(source, rel ? `${dir}/${rel}` : dir);
    listed.issues.forEach(refuse);
    for (const entry of listed.entries) {
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDir) {
        walk(path);
        continue;
      }
      const read = readEntry(source, `${dir}/${path}`);
      if ('bytes' in read) out.set(path, hash(read.bytes));
      else refuse(read.issue);
    }
  };
  walk('');
  return out;
}

/** Checks the manifest of the year at dir against the seal beside the folder. */
function verifySeal(source: DataSource, dir: string, year: number, manifestSha256: string): DataIssue[] {
  const root = dir.slice(0, dir.lastIndexOf('/'));
  const path = sealPath(root, year);
  if (source.size(path) === undefined) return checkSeal({ root, year, text: undefined, manifestSha256 });
  const read = readEntry(source, path);
  if ('issue' in read) return [read.issue];
  const decoded = decodeBytes(read.bytes);
  return checkSeal({ root, year, text: decoded.ok ? decoded.text : '', manifestSha256 });
}

/** A seal whose year folder is gone: the whole year was removed. */
function orphanSeals(root: string, entries: readonly { name: string; isDir: boolean }[], years: ReadonlySet<string>) {
  return entries
    .filter((e) => !e.isDir && /^\d{4}\.seal$/.test(e.name) && !years.has(e.name.slice(0, 4)))
    .map((e) =>
      errorAt(
        { file: `${root}/${e.name}` },
        'archive-missing-year',
        `seals the archived year ${e.name.slice(0, 4)}, but ${root}/${e.name.slice(0, 4)}/ is missing; restore it from a backup or from git (git checkout -- ${root})`,
      ),
    );
}

function checkArchivedDataset(dir: string, year: number, manifest: ArchiveManifest, dataset: Dataset): DataIssue[] {
  const issues: DataIssue[] = [];
  if (dataset.site.asOf !== manifest.as_of) {
    issues.push(
      errorAt(
        { file: `${dir}/site.json`, jsonPath: 'as_of' },
        'archive-as-of',
        `as_of ${quote(dataset.site.asOf)} differs from ${dir}/${MANIFEST_FILE} as_of ${manifest.as_of}`,
        'as_of',
      ),
    );
  }
  for (const plan of dataset.plans) {
    if (!isLiveIn(plan, year)) {
      issues.push(
        errorAt(
          { file: `${dir}/plans/${plan.id}/plan.json`, jsonPath: 'year' },
          'archive-year',
          plan.endYear === undefined
            ? `year ${plan.year} is not the archived year ${year}`
            : `years ${yearsLabel(plan)} do not include the archived year ${year}`,
          'year',
        ),
      );
    }
  }
  const finished = new Set(dataset.plans.map((p) => p.id));
  for (const plan of dataset.continuing ?? []) {
    const file = `${dir}/${CONTINUING_FOLDER}/${plan.id}/plan.json`;
    if (finished.has(plan.id))
      issues.push(errorAt({ file }, 'archive-duplicate-plan', `plan id ${quote(plan.id)} is also in ${dir}/plans/`));
    else if (plan.year > year || lastYearOf(plan) <= year)
      issues.push(
        errorAt(
          { file, jsonPath: 'end_year' },
          'archive-continuing',
          `years ${yearsLabel(plan)}: a plan frozen in ${CONTINUING_FOLDER}/ goes on after the archived year ${year} (a plan in its last year belongs in plans/)`,
          'end_year',
        ),
      );
  }
  return issues;
}

/** A plan id must be either live or archived, and archived only once: each clash is an error naming both folders. */
export function checkPlanOverlap(
  liveRoot: string,
  live: Dataset | undefined,
  archives: readonly ArchivedYear[],
  verified: readonly VerifiedYear[] = [],
): DataIssue[] {
  const issues: DataIssue[] = [];
  const seen = new Map<string, string>();
  const years = [
    ...archives.map((a) => ({ dir: a.dir, year: a.year, plans: a.dataset.plans.map((p) => p.id) })),
    ...verified,
  ];
  for (const archive of years) {
    for (const id of archive.plans) {
      const dir = `${archive.dir}/plans/${id}`;
      const first = seen.get(id);
      if (first)
        issues.push(
          errorAt({ file: dir }, 'archive-duplicate-plan', `plan id ${quote(id)} is archived twice (also in ${first})`),
        );
      else seen.set(id, dir);
    }
  }
  for (const plan of live?.plans ?? []) {
    const archived = seen.get(plan.id);
    if (archived) {
      issues.push(
        errorAt(
          { file: `${liveRoot}/plans/${plan.id}` },
          'archived-plan-is-live',
          `plan id ${quote(plan.id)} is also archived in ${archived}; a plan is either live or archived (to change an archived plan, move its folder back here and run npm run snapshot -- ${plan.year} --force)`,
        ),
      );
    }
  }
  return issues;
}
