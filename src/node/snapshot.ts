/** `npm run snapshot -- <year>`: freezes a year's plans into archive/<year>/ with a manifest, all or nothing. */
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { hashFiles, loadArchivedYear } from '../lib/archive';
import { formatDateVi, todayInVietnam } from '../lib/dates';
import { CONTINUING_FOLDER } from '../lib/load';
import { isLiveIn, lastYearOf } from '../lib/plan-years';
import { buildManifest, MANIFEST_FILE, serializeManifest } from '../lib/manifest';
import type { Dataset } from '../lib/model';
import { formatIssue, hasErrors, sortIssues } from '../lib/problems';
import { fsSource } from './fs-source';
import { sha256Hex } from './hash';
import { dataDirFromEnv } from './load-data';
import { archiveDirFor, loadSiteFromDisk, shownPath } from './load-site';

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
  const fail = (message: string): SnapshotResult => ({ ok: false, message, plans: [] });
  const leftover = interruptedSnapshot(join(dataDir, 'plans'), archiveDir);
  if (leftover) return fail(`An earlier snapshot was interrupted: ${leftover}. Nothing was changed.`);

  const target = join(archiveDir, String(options.year));
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
  const built = writeArchive(tmp, {
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
  });
  if (!built.ok) {
    rmSync(tmp, { recursive: true, force: true });
    return fail(built.message);
  }
  const swapped = swapIn({ tmp, target, plansDir: join(dataDir, 'plans'), live, rename: options.rename ?? renameSync });
  if (!swapped.ok) return fail(swapped.message);
  const plans = [...live, ...kept, ...going, ...keptGoing].sort();
  const plansDir = shownPath(join(dataDir, 'plans'), cwd);
  return {
    ok: true,
    plans,
    message: `Archived ${options.year} as of ${formatDateVi(dataset.site.asOf)}: ${plans.join(', ')} in ${shownPath(target, cwd)}/ (with ${MANIFEST_FILE}).${live.length ? ` Moved out of ${plansDir}/: ${live.join(', ')}.` : ''}${going.length ? ` Frozen as they stand and kept in ${plansDir}/ until their last year: ${going.join(', ')}.` : ''}`,
  };
}

/** What an interrupted snapshot left behind that a person must put back: moved plan folders, or an archive moved aside. */
function interruptedSnapshot(plansDir: string, archiveDir: string): string | undefined {
  const hidden = (dir: string, prefix: string) =>
    existsSync(dir) ? readdirSync(dir).find((n) => n.startsWith(prefix)) : undefined;
  const staged = hidden(plansDir, '.snapshot-');
  if (staged)
    return `plan folders are still in ${join(plansDir, staged)}; move them back to ${plansDir}/ and run the snapshot again`;
  const old = hidden(archiveDir, '.old-');
  if (old)
    return `an archived year is still in ${join(archiveDir, old)}; rename it back to ${join(archiveDir, old.split('-')[1]!)} (if that folder is missing) or delete it, and run the snapshot again`;
  return undefined;
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

/** Writes the whole archive into tmp and loads it back; an error message when it would not load. */
function writeArchive(tmp: string, input: ArchiveInput): { ok: true } | { ok: false; message: string } {
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(join(tmp, 'plans'), { recursive: true });
  const notHidden = (src: string) => !basename(src).startsWith('.');
  for (const table of ['units', 'leaders']) {
    for (const ext of ['csv', 'json']) {
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
  const source = fsSource(input.cwd);
  const hashes = hashFiles(source, tmp, sha256Hex);
  const plans = readdirSync(join(tmp, 'plans')).filter((n) => !n.startsWith('.'));
  const manifest = buildManifest({
    year: input.year,
    asOf: site.asOf,
    snapshotAt: input.now.toISOString(),
    plans,
    hashes,
  });
  writeFileSync(join(tmp, MANIFEST_FILE), serializeManifest(manifest));
  const check = loadArchivedYear(source, tmp, input.year, { root: tmp, buildDate: todayInVietnam(), hash: sha256Hex });
  if (!check.archive || hasErrors(check.issues)) {
    return {
      ok: false,
      message: `The archive would not load, so nothing was changed:\n${sortIssues(check.issues).map(formatIssue).join('\n')}`,
    };
  }
  return { ok: true };
}

interface Swap {
  tmp: string;
  target: string;
  plansDir: string;
  live: string[];
  rename: (from: string, to: string) => void;
}

/** Moves the live plan folders aside, puts the new archive in place, then deletes what was moved; any failure puts everything back. */
function swapIn({ tmp, target, plansDir, live, rename }: Swap): { ok: true } | { ok: false; message: string } {
  const stage = join(plansDir, `.snapshot-${process.pid}`);
  const old = `${resolve(target, '..')}/.old-${basename(target)}-${process.pid}`;
  const moved: string[] = [];
  let oldMoved = false;
  try {
    if (live.length) mkdirSync(stage);
    for (const id of live) {
      rename(join(plansDir, id), join(stage, id));
      moved.push(id);
    }
    if (existsSync(target)) {
      rename(target, old);
      oldMoved = true;
    }
    rename(tmp, target);
  } catch (error) {
    const problems: string[] = [];
    const undo = (from: string, to: string) => {
      try {
        renameSync(from, to);
      } catch (e) {
        problems.push(`could not move ${from} back to ${to}: ${(e as Error).message}`);
      }
    };
    if (oldMoved) undo(old, target);
    for (const id of moved.reverse()) undo(join(stage, id), join(plansDir, id));
    if (problems.length === 0) rmSync(stage, { recursive: true, force: true });
    rmSync(tmp, { recursive: true, force: true });
    const state = problems.length ? `\n${problems.join('\n')}` : ' Everything was put back as it was.';
    return { ok: false, message: `Archiving failed: ${(error as Error).message}.${state}` };
  }
  rmSync(stage, { recursive: true, force: true });
  rmSync(old, { recursive: true, force: true });
  return { ok: true };
}
