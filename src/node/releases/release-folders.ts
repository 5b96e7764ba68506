/** The release folders of a publish target: naming, listing, switching `current` atomically, pruning. */
import { existsSync, readdirSync, readlinkSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { basename, join } from 'node:path';

/** The marker a release gets once it has been built and checked; folders without it are unfinished. */
export const RELEASE_MARKER = 'changes.json';
/** How many releases are kept. */
export const KEEP_RELEASES = 5;

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

/** Points `current` at a release: a new symlink renamed over the old one, so a server never sees a missing or half-made site. */
export function switchCurrent(target: string, release: string): void {
  const tmp = join(target, `.current-${process.pid}`);
  rmSync(tmp, { force: true });
  symlinkSync(join('releases', release), tmp);
  renameSync(tmp, join(target, 'current'));
}

/** Deletes all but the newest `keep` releases (never the current one) and any unfinished folder left by an interrupted publish. */
export function pruneReleases(target: string, keep = KEEP_RELEASES): string[] {
  const dir = join(target, 'releases');
  const current = currentRelease(target);
  const finished = listReleases(target);
  const keepSet = new Set([...finished.slice(-keep), ...(current ? [current] : [])]);
  const removed: string[] = [];
  for (const name of existsSync(dir) ? readdirSync(dir) : []) {
    if (keepSet.has(name)) continue;
    rmSync(join(dir, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}
