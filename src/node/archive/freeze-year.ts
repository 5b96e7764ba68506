/** `npm run snapshot -- <year>`: freezes a year's plans into archive/<year>/ with a manifest, all or nothing. */
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { hashFiles, loadArchivedYear } from '../../lib/data/load-archive';
import { formatDateVi, todayInVietnam } from '../../lib/dates';
import { buildManifest, MANIFEST_FILE, serializeManifest } from '../../lib/data/manifest';
import type { Dataset } from '../../lib/data/model';
import { formatIssue, hasErrors, sortIssues } from '../../lib/data/problems';
import { fsSource } from '../data/fs-source';
import { sha256Hex } from '../hash';
import { describeFsError } from '../fs-errors';
import { findLeftovers, removeLeftovers } from '../leftovers';
import { archiveDirFor, dataDirFromEnv, loadSiteFromDisk, shownPath } from '../data/load-site';
import { recoverSnapshots, rollBack, rollForward, writeJournal, type SnapshotJournal } from './snapshot-journal';
import { TABLE_FORMATS } from '../../lib/data/workbook/table-file';
import { CONTINUING_FOLDER } from '../../lib/data/load';
import { isLiveIn, lastYearOf } from '../../lib/data/plan-years';

/** Working files of a snapshot: the new archive being written, the temporary seal and journal. */
const SNAPSHOT_LEFTOVERS = /^(?:\.tmp-\d{4}-(\d+)|\d{4}\.seal\.tmp-(\d+)|\.snapshot-\d{4}-(\d+)\.json\.tmp)$/;

/** What to snapshot, and where. */
export interface SnapshotOptions {
  year: number;
  /** Replace an existing archive of the year: its plans are kept (a live plan of the same id replaces its copy) and re-frozen with today's units, leaders and as-of date. */
  force?: boolean;
  dataDir?: string;
  archiveDir?: string;
  cwd?: string;
  /** The snapshot time (for tests). */
  now?: Date;
  /** How folders are renamed (for tests that make a move fail part-way). */
  rename?: (from: string, to: string) => void;
}

/** The outcome, with a message for the person who ran it. */
export interface SnapshotResult {
  ok: boolean;
  message: string;
  plans: string[];
}

/** Freezes every plan of a year: copies them, the units, leaders and as-of date into a temporary folder with a manifest, checks it loads, then swaps it in and moves the plans out of data/plans/. */
export function snapshotYear(options: SnapshotOptions): SnapshotResult {
  const cwd = resolve(options.cwd ?? process.cwd());
  const dataDir = resolve(cwd, options.dataDir ?? dataDirFromEnv());
  const archiveDir = resolve(cwd, options.archiveDir ?? archiveDirFor(dataDir));
  const shown = (path: string) => shownPath(path, cwd);
  // A snapshot that was stopped is finished or undone first, and a working copy of the archive it left is removed.
  const recovered = recoverSnapshots(dataDir, archiveDir);
  const notes = [...recovered.notes, ...removeLeftovers(findLeftovers(archiveDir, SNAPSHOT_LEFTOVERS), shown)];
  const said = (message: string) => [...notes, message].join('\n');
  const fail = (message: string): SnapshotResult => ({ ok: false, message: said(message), plans: [] });
  if (recovered.problems.length)
    return fail(`A snapshot that was stopped could not be finished or undone:\n${recovered.problems.join('\n')}`);
  const target = join(archiveDir, String(options.year));
  if (recovered.finished.includes(options.year) && !options.force)
    return { ok: true, message: said(`${shown(target)}/ is complete.`), plans: readdirSync(join(target, 'plans')) };

  if (existsSync(target) && !options.force) {
    return fail(
      `${shownPath(target, cwd)}/ already exists. Nothing was changed. Use --force to re-freeze the year with today's units, leaders and as-of date.`,
    );
  }
  // A forced snapshot re-freezes the year as it now stands, so its current archive is not checked here but after rewriting.
  const { dataset, issues } = loadSiteFromDisk(dataDir, cwd, archiveDir, options.year);
  if (!dataset || hasErrors(issues))
    return fail(
      `The data has errors; fix them before archiving. Nothing was changed.\n${sortIssues(issues).map(formatIssue).join('\n')}`,
    );
  // A plan over several years is live in each; it leaves data/ only with the snapshot of its last year, and until then
  // each year's snapshot keeps a frozen copy of it in continuing/.
  const ofYear = dataset.plans.filter((p) => isLiveIn(p, options.year));
  const live = ofYear.filter((p) => lastYearOf(p) === options.year).map((p) => p.id);
  const going = ofYear.filter((p) => lastYearOf(p) > options.year).map((p) => p.id);
  const keptOf = (dir: string) =>
    existsSync(dir)
      ? readdirSync(dir).filter((n) => !n.startsWith('.') && !live.includes(n) && !going.includes(n))
      : [];
  const keepDir = join(target, 'plans');
  const kept = keptOf(keepDir);
  const keptGoing = keptOf(join(target, CONTINUING_FOLDER));
  if (live.length + going.length + kept.length + keptGoing.length === 0)
    return fail(`No plan of ${options.year} in ${shownPath(join(dataDir, 'plans'), cwd)}/. Nothing was changed.`);

  const tmp = join(archiveDir, `.tmp-${options.year}-${process.pid}`);
  const input = {
    dataDir,
    dataset,
    year: options.year,
    live,
    going,
    keepDir,
    kept,
    keptGoing,
    now: options.now ?? new Date(),
    cwd,
  };
  let built: ReturnType<typeof writeArchive>;
  try {
    built = writeArchive(tmp, input);
  } catch (error) {
    built = { ok: false, message: `Archiving stopped: ${describeFsError(error)}. Nothing was changed.` };
  }
  if (!built.ok) {
    rmSync(tmp, { recursive: true, force: true });
    return fail(built.message);
  }
  const journal: SnapshotJournal = {
    format: 1,
    year: options.year,
    pid: process.pid,
    force: options.force === true,
    plansDir: join(dataDir, 'plans'),
    stage: join(dataDir, 'plans', `.snapshot-${options.year}-${process.pid}`),
    plans: live,
    tmp,
    target,
    old: join(archiveDir, `.old-${options.year}-${process.pid}`),
    seal: join(archiveDir, `${options.year}.seal`),
    manifestSha256: built.manifestSha256,
  };
  const swapped = swapIn(archiveDir, journal, options.rename ?? renameSync);
  if (!swapped.ok) return fail(swapped.message);
  // The year's report texts now live in its archive (copied by writeArchive); data/ keeps only later years' texts.
  const texts = yearReportTexts(join(dataDir, 'reports'), options.year);
  for (const name of texts) rmSync(join(dataDir, 'reports', name), { force: true });
  const plans = [...live, ...kept, ...going, ...keptGoing].sort();
  const plansDir = shownPath(join(dataDir, 'plans'), cwd);
  return {
    ok: true,
    plans,
    message: said(
      `Archived ${options.year} as of ${formatDateVi(dataset.site.asOf)}: ${plans.join(', ')} in ${shownPath(target, cwd)}/ (with ${MANIFEST_FILE}, sealed by ${shown(journal.seal)}).${live.length ? ` Moved out of ${plansDir}/: ${live.join(', ')}.` : ''}${going.length ? ` Frozen as they stand and kept in ${plansDir}/ until their last year: ${going.join(', ')}.` : ''}${texts.length ? ` Report texts moved into ${shown(join(target, 'reports'))}/: ${texts.join(', ')}.` : ''}`,
    ),
  };
}

interface ArchiveInput {
  dataDir: string;
  dataset: Dataset;
  year: number;
  live: string[];
  /** Plans over several years that go on after this year: copied into continuing/, left in data/plans/. */
  going: string[];
  /** The plans folder of the archive being replaced (--force). */
  keepDir: string;
  /** Its plans carried over (those not replaced by a live plan of the same id). */
  kept: string[];
  /** Its continuing/ plans carried over. */
  keptGoing: string[];
  now: Date;
  cwd: string;
}

/** The report texts of a year in a reports folder: `<year>.md` and `<year>-<period>.md` (none when there is no folder). */
function yearReportTexts(dir: string, year: number): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((name) => name === `${year}.md` || (name.startsWith(`${year}-`) && name.endsWith('.md')));
}

/** Writes the whole archive into tmp and loads it back; an error message when it would not load. */
function writeArchive(
  tmp: string,
  input: ArchiveInput,
): { ok: true; manifestSha256: string } | { ok: false; message: string } {
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(join(tmp, 'plans'), { recursive: true });
  const notHidden = (src: string) => !basename(src).startsWith('.');
  for (const table of ['units', 'leaders']) {
    for (const ext of TABLE_FORMATS) {
      const file = join(input.dataDir, `${table}.${ext}`);
      if (existsSync(file)) cpSync(file, join(tmp, `${table}.${ext}`));
    }
  }
  const { site } = input.dataset;
  const siteJson = {
    organization: site.organization,
    title: site.title,
    as_of: site.asOf,
    stale_report_days: site.staleReportDays,
  };
  writeFileSync(join(tmp, 'site.json'), `${JSON.stringify(siteJson, null, 2)}\n`);
  const copy = (from: string, folder: string, id: string) =>
    cpSync(join(from, id), join(tmp, folder, id), { recursive: true, filter: notHidden });
  for (const id of input.kept) copy(input.keepDir, 'plans', id);
  for (const id of input.keptGoing) copy(join(input.keepDir, '..', CONTINUING_FOLDER), CONTINUING_FOLDER, id);
  for (const id of input.live) copy(join(input.dataDir, 'plans'), 'plans', id);
  for (const id of input.going) copy(join(input.dataDir, 'plans'), CONTINUING_FOLDER, id);
  // The year's report texts (data/reports/<year>…md) go with it; a re-freeze keeps those its archive already has.
  for (const dir of [join(input.keepDir, '..', 'reports'), join(input.dataDir, 'reports')])
    for (const name of yearReportTexts(dir, input.year)) {
      mkdirSync(join(tmp, 'reports'), { recursive: true });
      cpSync(join(dir, name), join(tmp, 'reports', name));
    }
  const source = fsSource(input.cwd, { confine: [tmp] });
  const hashes = hashFiles(source, tmp, sha256Hex);
  const plans = readdirSync(join(tmp, 'plans')).filter((n) => !n.startsWith('.'));
  const manifest = buildManifest({
    year: input.year,
    asOf: site.asOf,
    snapshotAt: input.now.toISOString(),
    plans,
    hashes,
  });
  const manifestText = serializeManifest(manifest);
  writeFileSync(join(tmp, MANIFEST_FILE), manifestText);
  const check = loadArchivedYear(source, tmp, input.year, {
    root: tmp,
    buildDate: todayInVietnam(),
    hash: sha256Hex,
    sealed: false,
  });
  if (!check.archive || hasErrors(check.issues)) {
    return {
      ok: false,
      message: `The archive would not load, so nothing was changed:\n${sortIssues(check.issues).map(formatIssue).join('\n')}`,
    };
  }
  return { ok: true, manifestSha256: sha256Hex(manifestText) };
}

/**
 * Records the journal, moves the live plan folders aside, puts the new archive in place (the step that decides), then
 * seals it and deletes what was moved; a failure before the switch puts everything back. A kill at any point is
 * finished or undone by the next snapshot (snapshot-journal.ts).
 */
function swapIn(
  archiveDir: string,
  j: SnapshotJournal,
  rename: (from: string, to: string) => void,
): { ok: true } | { ok: false; message: string } {
  try {
    writeJournal(archiveDir, j);
    mkdirSync(j.stage, { recursive: true });
    for (const id of j.plans) rename(join(j.plansDir, id), join(j.stage, id));
    if (existsSync(j.target)) rename(j.target, j.old);
    rename(j.tmp, j.target);
  } catch (error) {
    const problems = rollBack(archiveDir, j);
    const state = problems.length ? `\n${problems.join('\n')}` : ' Everything was put back as it was.';
    return { ok: false, message: `Archiving failed: ${describeFsError(error)}.${state}` };
  }
  const problems = rollForward(archiveDir, j);
  if (problems.length)
    return { ok: false, message: `The archive is in place, but finishing it failed:\n${problems.join('\n')}` };
  return { ok: true };
}
