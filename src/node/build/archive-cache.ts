/** Reuses archived years' rendered pages and exports between builds: their content is frozen, so only the code or the site's frame can change them. */
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { randomUUID } from 'node:crypto';
import { dirname, join, relative } from 'node:path';
import { YEAR_FOLDER } from '../../lib/data/load-archive';
import type { ArchiveSummary } from '../../lib/status/archive-model';
import { decodeBytes } from '../../lib/data/decode';
import { MANIFEST_FILE } from '../../lib/data/manifest';
import type { Site } from '../../lib/data/model';
import { fsSource } from '../data/fs-source';
import { sha256Hex } from '../hash';

/** Where cached years live by default: `<root>/.cache/archive/` (git-ignored); $PLAN_ARCHIVE_CACHE_DIR overrides it. */
export function archiveCacheDirFor(root: string): string {
  return process.env.PLAN_ARCHIVE_CACHE_DIR || join(root, '.cache', 'archive');
}

/** Files and folders whose content changes how pages are rendered (besides node_modules, covered by the lock file). */
const CODE_INPUTS = ['package-lock.json', 'package.json', 'astro.config.mjs', 'tsconfig.json', 'src', 'public'];

/** A hash of everything that renders pages: the lock file, the Astro config, src/** and public/**, and the Astro version installed. */
export function codeFingerprint(root: string): string {
  const hash = [] as string[];
  const add = (path: string) => {
    if (!existsSync(path)) return;
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path).sort()) add(join(path, name));
    } else hash.push(`${relative(root, path)}\u0000${sha256Hex(readFileSync(path))}`);
  };
  for (const input of CODE_INPUTS) add(join(root, input));
  add(join(root, 'node_modules', 'astro', 'package.json'));
  return sha256Hex(hash.join('\n'));
}

/** What an archived year's rendered output depends on, besides its own frozen files. */
export interface CacheContext {
  /** codeFingerprint() of the project. */
  code: string;
  /** The base path the site is built for (SITE_BASE). */
  base: string;
  /** The live site's title and organization: every page's frame shows them. */
  site: Pick<Site, 'title' | 'organization'>;
}

/** The cache key of one archived year: its manifest (which pins every file by hash), the code, the base and the site's frame. */
export function archiveCacheKey(manifestBytes: Uint8Array, context: CacheContext): string {
  const parts = [sha256Hex(manifestBytes), context.code, context.base, context.site.title, context.site.organization];
  return sha256Hex(parts.join('\u0000')).slice(0, 32);
}

/** The output files of a year's plans, relative to the site folder: `plans/<id>/` and `exports/<id>.json|.csv|.xlsx` (the first two with their .gz, when large), and `exports/<id>.<year>.json` of the plans it froze while they go on. */
export function planOutputs(
  planIds: readonly string[],
  year?: number,
  continuingIds: readonly string[] = [],
): string[] {
  return [
    ...planIds.flatMap((id) => [
      `plans/${id}`,
      ...['json', 'csv', 'xlsx', 'json.gz', 'csv.gz'].map((e) => `exports/${id}.${e}`),
    ]),
    ...continuingIds.map((id) => `exports/${id}.${year}.json`),
  ];
}

/** One archived year as the cache sees it. */
export interface CachedYear {
  year: number;
  /** The cache folder for this year and key, e.g. `.cache/archive/2023-<key>`. */
  dir: string;
  /** Whether that folder holds a complete earlier render. */
  hit: boolean;
  /** On a hit, what the lists of archived years show of it (saved with its pages: the build does not read a cached year's data). */
  summary?: ArchiveSummary;
}

/** The file in a cached year's folder that holds its ArchiveSummary (beside `plans/` and `exports/`; not copied into the site). */
const SUMMARY_FILE = 'summary.json';

/** Looks up every year folder of archiveDir that has a manifest (before anything is loaded: a hit need not be read, only checked). */
export function lookUpArchives(cacheDir: string, archiveDir: string, context: CacheContext): CachedYear[] {
  if (!existsSync(archiveDir)) return [];
  const years = readdirSync(archiveDir).filter(
    (name) => YEAR_FOLDER.test(name) && existsSync(join(archiveDir, name, MANIFEST_FILE)),
  );
  return years.flatMap((name) => {
    // A manifest that is not a regular file is left to the archive check, which names it.
    const manifest = readRegularFile(archiveDir, `${name}/${MANIFEST_FILE}`);
    if (!manifest) return [];
    const key = archiveCacheKey(manifest, context);
    const dir = join(cacheDir, `${name}-${key}`);
    // A year is complete only once its folder has been renamed into place, so its existence is the proof.
    const summary = existsSync(dir) ? readSummary(join(dir, SUMMARY_FILE), Number(name)) : undefined;
    return [summary ? { year: Number(name), dir, hit: true, summary } : { year: Number(name), dir, hit: false }];
  });
}

/** A file below dir read as the loader reads it (a regular file, not through a link), or undefined. */
function readRegularFile(dir: string, path: string): Uint8Array | undefined {
  try {
    return fsSource(dir, { confine: [dir] }).read(path);
  } catch {
    return undefined;
  }
}

/** A cached year's summary, or undefined when it is missing or not this year's (the year is then rendered again). */
function readSummary(file: string, year: number): ArchiveSummary | undefined {
  try {
    const summary = JSON.parse(readFileSync(file, 'utf8')) as ArchiveSummary;
    return summary.year === year && Array.isArray(summary.plans) ? summary : undefined;
  } catch {
    return undefined;
  }
}

/** The live site's title and organization as site.json writes them (raw text: a spelling the loader would normalise only costs a cache miss). */
export function readSiteFrame(dataDir: string): CacheContext['site'] {
  // Read as the loader reads it: a site.json that is a link or a pipe is refused there, not read here.
  const bytes = readRegularFile(dataDir, 'site.json');
  try {
    const decoded = bytes ? decodeBytes(bytes) : undefined;
    const json = decoded?.ok ? (JSON.parse(decoded.text) as Record<string, unknown>) : {};
    return { title: String(json.title ?? ''), organization: String(json.organization ?? '') };
  } catch {
    // The loader reports a broken site.json and stops the build; a key from the bytes keeps the cache honest meanwhile.
    return { title: bytes ? sha256Hex(bytes) : '', organization: '' };
  }
}

/** Puts a cached year's files into the site folder (hard links where possible: the cache is never edited in place). */
export function restoreYear(entry: CachedYear, siteDir: string): void {
  for (const name of readdirSync(entry.dir))
    if (name !== SUMMARY_FILE) copyTree(join(entry.dir, name), join(siteDir, name));
}

/** Saves a freshly rendered year's files from the site folder into the cache with its summary, replacing older keys of the same year; never throws (a cache is optional). */
export function saveYear(
  entry: CachedYear,
  plans: { planIds: readonly string[]; continuingIds?: readonly string[] },
  summary: ArchiveSummary,
  siteDir: string,
  cacheDir: string,
): string | undefined {
  // Test workers share a pid, so the temporary name needs more than the pid to be private.
  const tmp = `${entry.dir}.tmp-${process.pid}-${randomUUID().slice(0, 8)}`;
  try {
    rmSync(tmp, { recursive: true, force: true });
    for (const path of planOutputs(plans.planIds, entry.year, plans.continuingIds)) {
      if (existsSync(join(siteDir, path))) copyTree(join(siteDir, path), join(tmp, path));
    }
    mkdirSync(tmp, { recursive: true });
    writeFileSync(join(tmp, SUMMARY_FILE), JSON.stringify(summary));
    renameSync(tmp, entry.dir);
    pruneYear(cacheDir, entry);
    return undefined;
  } catch (error) {
    rmSync(tmp, { recursive: true, force: true });
    return `archive cache: could not save ${entry.year} (${(error as Error).message}); the next build renders it again`;
  }
}

/** Other keys of a year are left for an hour: a build running in parallel (another data folder, another base) may be reading one. */
const KEEP_OTHER_KEYS_MS = 60 * 60 * 1000;

function pruneYear(cacheDir: string, entry: CachedYear): void {
  for (const name of readdirSync(cacheDir)) {
    const path = join(cacheDir, name);
    if (path === entry.dir || !name.startsWith(`${entry.year}-`)) continue;
    if (Date.now() - statSync(path).mtimeMs > KEEP_OTHER_KEYS_MS) rmSync(path, { recursive: true, force: true });
  }
}

/**
 * Moves every file and folder of `from` into `into`, then removes `from`: a folder `into` does not have moves whole
 * (one rename), one it has is merged entry by entry; a file `into` already has stays as it is there.
 */
export function moveInto(from: string, into: string): void {
  mkdirSync(into, { recursive: true });
  for (const name of readdirSync(from)) {
    const source = join(from, name);
    const target = join(into, name);
    if (!existsSync(target)) renameSync(source, target);
    else if (statSync(source).isDirectory() && statSync(target).isDirectory()) moveInto(source, target);
  }
  rmSync(from, { recursive: true, force: true });
}

/** Copies a file or folder tree, hard-linking each file when source and target share a file system. */
export function copyTree(from: string, to: string): void {
  if (!statSync(from).isDirectory()) {
    mkdirSync(dirname(to), { recursive: true });
    return linkOrCopy(from, to);
  }
  mkdirSync(to, { recursive: true });
  // Entries read with their type: no stat per file (a cached year holds some ten thousand of them).
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) copyTree(source, target);
    else linkOrCopy(source, target);
  }
}

/** A hard link where the file system allows one (cached pages never change), else a copy. */
function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}
