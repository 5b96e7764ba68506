/**
 * Reuses the site's bundle (Astro's server bundle and client assets, src/node/build/astro-bundle.mjs) between builds whose
 * code is the same. Pages read the data when they render, never when they are bundled, so a rebuild after a change to
 * data/ or archive/ only needs to render. The key covers everything a bundle is made from: the code, configuration
 * and lock file (codeFingerprint), the base path, and the Node version.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { codeFingerprint, copyTree } from './archive-cache';
import { sha256Hex } from '../hash';

/** Where bundles are kept: `<root>/.cache/bundle/` (git-ignored), or $PLAN_BUNDLE_CACHE_DIR; `none` there keeps no bundle. */
export function bundleCacheDirFor(root: string): string | false {
  const dir = process.env.PLAN_BUNDLE_CACHE_DIR;
  if (dir === 'none') return false;
  return dir || join(root, '.cache', 'bundle');
}

/** The key of a bundle: what it is made from (the code as it is on disk now, never a stand-in: a stale bundle would be a silent fault). */
export function bundleKey(root: string, base: string): string {
  return sha256Hex([codeFingerprint(root), base, process.version].join('\u0000')).slice(0, 32);
}

/** A bundle in the cache: `server/entry.mjs` and `client/`. */
export interface CachedBundle {
  dir: string;
  hit: boolean;
}

/** The cache folder of a key, and whether a complete bundle is there. */
export function lookUpBundle(cacheDir: string, key: string): CachedBundle {
  const dir = join(cacheDir, key);
  const hit = isComplete(dir);
  // Marked as used, so that another build's pruning leaves it for another day.
  if (hit) utimesSync(dir, new Date(), new Date());
  return { dir, hit };
}

function isComplete(dir: string): boolean {
  return existsSync(join(dir, 'server', 'entry.mjs')) && existsSync(join(dir, 'client'));
}

/** Saves a fresh bundle (its `server/` and `client/` folders under `from`) as `entry`; never throws (a cache is optional). */
export function saveBundle(from: string, entry: CachedBundle, cacheDir: string): string | undefined {
  const tmp = `${entry.dir}.tmp-${process.pid}-${randomUUID().slice(0, 8)}`;
  try {
    copyTree(join(from, 'server'), join(tmp, 'server'));
    copyTree(join(from, 'client'), join(tmp, 'client'));
    // A build beside this one may have saved the same bundle meanwhile, and may be rendering from it: leave it.
    if (isComplete(entry.dir)) {
      rmSync(tmp, { recursive: true, force: true });
      return undefined;
    }
    rmSync(entry.dir, { recursive: true, force: true });
    renameSync(tmp, entry.dir);
    pruneBundles(cacheDir, entry.dir);
    return undefined;
  } catch (error) {
    rmSync(tmp, { recursive: true, force: true });
    return `bundle cache: could not save the bundle (${(error as Error).message}); the next build bundles again`;
  }
}

/** Other bundles are kept for a day: a build of another base path, or one running beside this one, may use them. */
const KEEP_OTHER_BUNDLES_MS = 24 * 60 * 60 * 1000;

function pruneBundles(cacheDir: string, keep: string): void {
  for (const name of readdirSync(cacheDir)) {
    const path = join(cacheDir, name);
    if (path === keep) continue;
    if (Date.now() - statSync(path).mtimeMs > KEEP_OTHER_BUNDLES_MS) rmSync(path, { recursive: true, force: true });
  }
}

/** Makes `to` a site folder holding a cached bundle's client assets (hard links: pages are written beside them, never over them). */
export function restoreClient(entry: CachedBundle, to: string): void {
  mkdirSync(to, { recursive: true });
  copyTree(join(entry.dir, 'client'), to);
}
