/** `npm run publish` and `npm run rollback`: build into a new release folder, check it, then switch `current` to it atomically. */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { continuingRecords } from '../../lib/data/load-archive';
import { reportYears } from '../../lib/data/periods';
import { listSitePages, periodsOutline, siteOutline } from '../../lib/site/site-pages';
import { formatIssue, hasErrors, sortIssues } from '../../lib/data/problems';
import { buildSite } from '../build/build-site';
import { carryAssets, recordOwnAssets } from './carry-assets';
import { inlineScriptsOf } from '../../lib/serve/csp';
import { checkBuiltSite } from './check-site';
import { describeFsError } from '../fs-errors';
import { findLeftovers, removeLeftovers } from '../leftovers';
import { dataDirFromEnv, loadSiteFromDisk } from '../data/load-site';
import { acquireLock } from './lock';
import { changesForRelease, judgeEverything, readPreviousRelease } from './release-changes';
import {
  currentRelease,
  KEEP_RELEASES,
  listReleases,
  listServed,
  pruneReleases,
  recordServed,
  RELEASE_MARKER,
  releaseName,
  switchCurrent,
} from './release-folders';

/** Options of one publish. */
export interface PublishOptions {
  /** The folder a web server serves through `<target>/current`. */
  target: string;
  dataDir?: string | undefined;
  /** The project root (where astro.config.mjs is). */
  root?: string;
  /** The release time (for tests). */
  now?: Date;
  log?: (line: string) => void;
}

/** The outcome of a publish or rollback, with a message saying what happened or why not. */
export interface PublishResult {
  ok: boolean;
  release?: string | undefined;
  message: string;
}

/** Name of the lock file in the target folder. */
export const LOCK_FILE = '.publish.lock';

/** Working files a publish or rollback keeps in the target folder while it runs, named with its pid. */
const TARGET_LEFTOVERS = /^\.(?:changes-(\d+)\.json|current-(\d+)|served-(\d+)\.json|publish\.lock\.(\d+)\.tmp)$/;

/** Builds the data into `<target>/releases/<time>/`, checks it, and switches `current` to it; any failure leaves `current` as it was. */
export async function publish(options: PublishOptions): Promise<PublishResult> {
  const target = resolve(options.target);
  // Nothing before the final switch touches `current`, so whatever failed, the served site is as it was.
  const stopped = (error: unknown): PublishResult => ({
    ok: false,
    message: `Publish stopped: ${describeFsError(error)}. ${target}/current was not changed.`,
  });
  let held;
  try {
    mkdirSync(join(target, 'releases'), { recursive: true });
    held = acquireLock(join(target, LOCK_FILE), options.now);
  } catch (error) {
    return stopped(error);
  }
  if (!held.ok) return { ok: false, message: held.message };
  try {
    const log = options.log ?? ((line: string) => console.error(line));
    if (held.lock.note) log(held.lock.note);
    startLocked(target, log);
    return await publishLocked(target, options);
  } catch (error) {
    return stopped(error);
  } finally {
    held.lock.release();
  }
}

/** With the lock held: removes what killed runs left in the target (saying so), and records a switch a killed run made. */
function startLocked(target: string, log: (line: string) => void): void {
  for (const line of removeLeftovers(findLeftovers(target, TARGET_LEFTOVERS))) log(line);
  recordServed(target);
}

async function publishLocked(target: string, options: PublishOptions): Promise<PublishResult> {
  const log = options.log ?? ((line: string) => console.error(line));
  const root = resolve(options.root ?? process.cwd());
  const dataDir = resolve(root, options.dataDir ?? dataDirFromEnv());
  const served = currentRelease(target);
  const untouched = served ? `${target}/current still serves releases/${served}` : `${target}/current was not created`;
  const { dataset, archives, issues } = loadSiteFromDisk(dataDir, root);
  if (!dataset || hasErrors(issues)) {
    for (const issue of sortIssues(issues)) log(formatIssue(issue));
    return {
      ok: false,
      message: `Publish stopped: the data has ${issues.filter((i) => i.level === 'error').length} error(s) (listed above). ${untouched}.`,
    };
  }
  const now = options.now ?? new Date();
  const release = releaseName(now, listReleases(target));
  const releaseDir = join(target, 'releases', release);
  const plans = judgeEverything(dataset, archives);
  const previous = served ? readPreviousRelease(join(target, 'releases', served), served, log) : undefined;
  const changes = changesForRelease({ release, now, asOf: dataset.site.asOf, plans, previous });
  const changesFile = join(target, `.changes-${process.pid}.json`);
  writeFileSync(changesFile, `${JSON.stringify(changes, null, 2)}\n`);
  const before = process.env.PLAN_UPDATES_FILE;
  process.env.PLAN_UPDATES_FILE = changesFile;
  try {
    const built = await buildSite({ outDir: releaseDir, dataDir, root, log });
    if (!built.ok) return fail(releaseDir, `Publish stopped: the build failed (see above). ${untouched}.`);
    const reporting = {
      periods: periodsOutline(reportYears(dataset.plans, dataset.site.asOf)),
      yearRecords: continuingRecords(archives),
    };
    const expected = listSitePages(siteOutline(plans, dataset.units, dataset.leaders, reporting)).map((p) => p.file);
    const problems = checkBuiltSite(releaseDir, process.env.SITE_BASE || '/', expected);
    if (problems.length)
      return fail(
        releaseDir,
        `Publish stopped: the new release failed its check:\n${problems.join('\n')}\n${untouched}.`,
      );
    // Pages of the releases still kept, open in a reader's browser, keep their stylesheets and scripts.
    recordOwnAssets(releaseDir);
    carryAssets(releaseDir, keptReleaseDirs(target, served));
    // The marker goes in last: only a built and checked release is ever listed, served or rolled back to.
    renameSync(changesFile, join(releaseDir, RELEASE_MARKER));
    switchCurrent(target, release);
  } catch (error) {
    return fail(releaseDir, `Publish stopped: ${describeFsError(error)}. ${untouched}.`);
  } finally {
    restoreEnv('PLAN_UPDATES_FILE', before);
    rmSync(changesFile, { force: true });
  }
  const neverServed = listReleases(target).filter((r) => !listServed(target).includes(r));
  const scriptNote = served ? inlineScriptChange(join(target, 'releases', served), releaseDir) : '';
  const removed = pruneReleases(target);
  const stale = removed.filter((r) => neverServed.includes(r));
  const old = removed.filter((r) => !neverServed.includes(r));
  const latest = changes.history[0]!;
  const summary = latest.previous
    ? `${latest.status_changes.length} task(s) changed status, ${latest.new_reports.length} new progress report(s) since ${latest.previous}`
    : 'first release';
  return {
    ok: true,
    release,
    message: `Published releases/${release} (${summary}); ${target}/current now points to it.${old.length ? ` Removed old release(s): ${old.join(', ')}.` : ''}${stale.length ? ` Removed release(s) a stopped publish finished but never served: ${stale.join(', ')}.` : ''}${scriptNote}`,
  };
}

/** A note when the pages' inline script differs from the served release's: the web server's policy allows it by its hash. */
function inlineScriptChange(servedDir: string, releaseDir: string): string {
  const scripts = (dir: string) => {
    const page = join(dir, 'index.html');
    return existsSync(page) ? inlineScriptsOf(readFileSync(page, 'utf8')).join('\n') : '';
  };
  if (scripts(servedDir) === scripts(releaseDir)) return '';
  return "\nThe pages' inline script changed: print the nginx configuration again (npm run serve-config) and reload nginx, whose Content-Security-Policy allows the script by its hash.";
}

/** The folders of the releases a publish keeps beside the new one (the newest, and the one served). */
function keptReleaseDirs(target: string, served: string | undefined): string[] {
  const kept = new Set([...listReleases(target).slice(-(KEEP_RELEASES - 1)), ...(served ? [served] : [])]);
  return [...kept].map((name) => join(target, 'releases', name));
}

function fail(releaseDir: string, message: string): PublishResult {
  rmSync(releaseDir, { recursive: true, force: true });
  return { ok: false, message };
}

function restoreEnv(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

/** Points `current` back at the release served before the one it serves (keeping the last KEEP_RELEASES releases allows that many steps back). */
export function rollback(targetDir: string, now?: Date): PublishResult {
  const target = resolve(targetDir);
  if (!existsSync(join(target, 'releases')))
    return {
      ok: false,
      message: `${target} is not a publish target: it has no releases/ folder (npm run publish -- ${targetDir} makes one). Check the path. Nothing was changed.`,
    };
  let held;
  try {
    held = acquireLock(join(target, LOCK_FILE), now);
  } catch (error) {
    return { ok: false, message: `Rollback stopped: ${describeFsError(error)}. Nothing was changed.` };
  }
  if (!held.ok) return { ok: false, message: held.message };
  try {
    if (held.lock.note) console.error(held.lock.note);
    return rollbackLocked(target);
  } catch (error) {
    return { ok: false, message: `Rollback stopped: ${describeFsError(error)}. ${target}/current was not changed.` };
  } finally {
    held.lock.release();
  }
}

function rollbackLocked(target: string): PublishResult {
  startLocked(target, (line) => console.error(line));
  const served = currentRelease(target);
  const releases = listServed(target);
  const at = served ? releases.indexOf(served) : -1;
  if (!served || at < 0)
    return { ok: false, message: `${target}/current does not point to a release; nothing to roll back.` };
  if (at === 0)
    return {
      ok: false,
      message: `releases/${served} is the oldest served release kept (at most ${KEEP_RELEASES}); there is none before it. Nothing was changed.`,
    };
  const previous = releases[at - 1]!;
  // Pages of the release left, and of any other kept, open in a reader's browser, keep their assets.
  carryAssets(
    join(target, 'releases', previous),
    listReleases(target).map((name) => join(target, 'releases', name)),
  );
  switchCurrent(target, previous);
  return {
    ok: true,
    release: previous,
    message: `Rolled back: ${target}/current now points to releases/${previous} (was releases/${served}).`,
  };
}
