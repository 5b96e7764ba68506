/** The release folders of a publish target: naming, listing, switching `current` atomically, pruning. */
import { existsSync, readdirSync, readFileSync, readlinkSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { basename, join } from 'node:path';
import { writeFileWhole } from '../write-whole';

/** The marker a release gets once it has been built and checked; folders without it are unfinished. */
export const RELEASE_MARKER = 'changes.json';
/** How many releases are kept. */
export const KEEP_RELEASES = 5;
/** The record, in the target folder, of every release `current` has pointed to: only those are rolled back to. */
const SERVED_FILE = 'served.json';

const RELEASE_NAME = /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z(?:-\d+)?$/;

/** A release folder name from a time, e.g. 2025-01-05T02-12-00-123Z; sorts in time order. */
export function releaseName(now: Date, taken: readonly string[] = []): string {
  const name = now.toISOString().replace(/[:.]/g, '-');
  if (!taken.includes(name)) return name;
  let n = 2;
  while (taken.includes(`${name}-${n}`)) n++;
  return `${name}-${n}`;
}

/** Finished releases (built, checked and marked), oldest first. */
export function listReleases(target: string): string[] {
  const dir = join(target, 'releases');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && RELEASE_NAME.test(e.name) && existsSync(join(dir, e.name, RELEASE_MARKER)))
    .map((e) => e.name)
    .sort();
}

/** The release `current` points to, or undefined when there is none yet. */
export function currentRelease(target: string): string | undefined {
  try {
    return basename(readlinkSync(join(target, 'current')));
  } catch {
    return undefined;
  }
}

/** Points `current` at a release: a new symlink renamed over the old one, so a server never sees a missing or half-made site; then records it as served. */
export function switchCurrent(target: string, release: string): void {
  const tmp = join(target, `.current-${process.pid}`);
  rmSync(tmp, { force: true });
  symlinkSync(join('releases', release), tmp);
  renameSync(tmp, join(target, 'current'));
  recordServed(target);
}

/**
 * Finished releases that have been served (`current` pointed at them), oldest first. A release a killed publish
 * finished but never switched to is not one of them. A target published before the record existed counts every
 * finished release as served, as before.
 */
export function listServed(target: string): string[] {
  const finished = listReleases(target);
  const current = currentRelease(target);
  const recorded = readServed(target) ?? finished;
  const served = new Set([...recorded, ...(current ? [current] : [])]);
  return finished.filter((r) => served.has(r));
}

/** Adds the release `current` points to, if any, to the record (a run killed between the switch and the record is caught up by the next). */
export function recordServed(target: string): void {
  const current = currentRelease(target);
  if (!current) return;
  const served = listServed(target);
  if (readServed(target)?.includes(current)) return;
  writeServed(target, served.includes(current) ? served : [...served, current]);
}

function readServed(target: string): string[] | undefined {
  try {
    const value = JSON.parse(readFileSync(join(target, SERVED_FILE), 'utf8')) as { served?: unknown };
    return Array.isArray(value.served) ? value.served.filter((r): r is string => typeof r === 'string') : undefined;
  } catch {
    return undefined;
  }
}

function writeServed(target: string, served: readonly string[]): void {
  const data = `${JSON.stringify({ served: [...served].sort() }, null, 2)}\n`;
  writeFileWhole(join(target, SERVED_FILE), data, join(target, `.served-${process.pid}.json`));
}

/** Deletes all but the newest `keep` served releases (never the current one), releases never served, and any unfinished folder left by an interrupted publish. */
export function pruneReleases(target: string, keep = KEEP_RELEASES): string[] {
  const dir = join(target, 'releases');
  const current = currentRelease(target);
  const served = listServed(target);
  const keepSet = new Set([...served.slice(-keep), ...(current ? [current] : [])]);
  const removed: string[] = [];
  for (const name of existsSync(dir) ? readdirSync(dir) : []) {
    if (keepSet.has(name)) continue;
    rmSync(join(dir, name), { recursive: true, force: true });
    removed.push(name);
  }
  if (readServed(target) !== undefined || removed.length > 0)
    writeServed(
      target,
      served.filter((r) => keepSet.has(r)),
    );
  return removed;
}
