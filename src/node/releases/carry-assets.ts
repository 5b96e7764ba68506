/**
 * Old pages keep their assets. A reader who loaded a page of one release asks for its stylesheet and scripts
 * (hashed names under `_astro/`) after `current` has moved on to another release, by a publish or a rollback. So
 * before `current` points at a release, it gets every kept release's own hashed files that it lacks, as hard links
 * (no copy, no extra space). Only a release's own files are carried, never those it was given: what a release stops
 * carrying once it is pruned does not live on from one release to the next.
 */
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileWhole } from '../write-whole';

/** The file a release lists its own `_astro/` files in; a dot file, which the web server does not serve (deploy/). */
export const OWN_ASSETS_FILE = '.own-assets.json';

const ASSETS = '_astro';

/** Lists a freshly built release's `_astro/` files as its own (before anything is carried into it). */
export function recordOwnAssets(releaseDir: string): string[] {
  const own = assetFiles(releaseDir);
  writeFileWhole(join(releaseDir, OWN_ASSETS_FILE), `${JSON.stringify(own)}\n`);
  return own;
}

/** A release's own `_astro/` files: those it listed, or all it has when it lists none (published before the list existed). */
export function ownAssets(releaseDir: string): string[] {
  const list = join(releaseDir, OWN_ASSETS_FILE);
  if (!existsSync(list)) return assetFiles(releaseDir);
  const names = JSON.parse(readFileSync(list, 'utf8')) as unknown;
  return Array.isArray(names) ? names.filter((n): n is string => typeof n === 'string' && isPlainName(n)) : [];
}

/** Links into `into/_astro/` the own files of each release folder of `from` that it lacks; returns the names carried. */
export function carryAssets(into: string, from: readonly string[]): string[] {
  const present = new Set(assetFiles(into));
  const carried: string[] = [];
  mkdirSync(join(into, ASSETS), { recursive: true });
  for (const release of from) {
    if (release === into) continue;
    for (const name of ownAssets(release)) {
      const source = join(release, ASSETS, name);
      if (present.has(name) || !existsSync(source)) continue;
      linkOrCopy(source, join(into, ASSETS, name));
      present.add(name);
      carried.push(name);
    }
  }
  return carried;
}

function assetFiles(releaseDir: string): string[] {
  const dir = join(releaseDir, ASSETS);
  return existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => e.name)
        .sort()
    : [];
}

/** A file name with no folder in it (a list is read from a release folder, so it is checked). */
function isPlainName(name: string): boolean {
  return name !== '' && name !== '.' && name !== '..' && !/[/\\\0]/.test(name);
}

/** A hard link, or a copy where links cannot be made; either way under a temporary name first, then renamed. */
function linkOrCopy(from: string, to: string): void {
  const tmp = `${to}.tmp-${process.pid}`;
  try {
    linkSync(from, tmp);
  } catch {
    copyFileSync(from, tmp);
  }
  renameSync(tmp, to);
}
