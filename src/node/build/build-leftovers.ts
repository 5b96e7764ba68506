/**
 * What a build killed part-way leaves, and how the next build deals with it. A build writes the new site beside the
 * old one (`dist.tmp-<pid>`) and swaps it in with two renames (`dist` → `dist.old-<pid>`, `dist.tmp-<pid>` → `dist`).
 * Killed between them, there is no `dist/`: the next build puts `dist.old-<pid>` back first. It also removes the
 * working folders of builds whose process is gone: `.dist-<pid>-<n>` (Astro's bundle and the rendered pages),
 * `dist.tmp-<pid>`, `dist.archived-<pid>`, half-saved cache entries (`.cache/*\/*.tmp-<pid>-…`) and the data snapshot
 * in the system's temporary folder (`ke-hoach-data-<pid>-…`).
 */
import { existsSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { findLeftovers, removeLeftovers, type Leftover } from '../leftovers';

/** The prefix of the folder in the system's temporary folder that hands the validated data to the render threads. */
export function dataSnapshotPrefix(): string {
  return join(tmpdir(), `ke-hoach-data-${process.pid}-`);
}

/** Where a build's working folders may be: the project, the output folder's parent, the caches. */
export interface BuildPlaces {
  root: string;
  outDir: string;
  cacheDirs: readonly string[];
}

/** Restores the site a stopped build had moved aside, then removes what stopped builds left; the lines to print. */
export function recoverStoppedBuilds(places: BuildPlaces, shown: (path: string) => string): string[] {
  const notes: string[] = [];
  const parent = dirname(places.outDir);
  const base = escape(basename(places.outDir));
  const aside = findLeftovers(parent, new RegExp(`^${base}\\.old-(\\d+)$`));
  if (!existsSync(places.outDir) && aside.length > 0) {
    // The newest one, should several builds have been stopped there; any other is removed below.
    const restore = aside[aside.length - 1]!;
    renameSync(restore.path, places.outDir);
    notes.push(
      `Put back ${shown(places.outDir)}/ from ${shown(restore.path)}: a build (process ${restore.pid}) was stopped while replacing it.`,
    );
  }
  const leftovers: Leftover[] = [
    ...findLeftovers(parent, new RegExp(`^${base}\\.(?:old|tmp|archived)-(\\d+)$`)),
    ...findLeftovers(places.root, /^\.dist-(\d+)-\d+$/),
    ...places.cacheDirs.flatMap((dir) => findLeftovers(dir, /\.tmp-(\d+)-[0-9a-f]{8}$/)),
    ...findLeftovers(tmpdir(), /^ke-hoach-data-(\d+)-\w+$/),
  ];
  return [...notes, ...removeLeftovers(leftovers, shown)];
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
