/** Builds the site safely: validate first, build into a temporary folder, then swap it in for the old one. */
import { existsSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { formatIssue, hasErrors, sortIssues } from '../../lib/data/problems';
import type { ArchiveSummary } from '../../lib/status/archive-model';
import { renderThreadCount } from '../../lib/build/render-plan';
import {
  archiveCacheDirFor,
  codeFingerprint,
  lookUpArchives,
  moveInto,
  readSiteFrame,
  restoreYear,
  saveYear,
  type CachedYear,
} from './archive-cache';
import { startAstroBuild, type AstroBuildResult, type Renderer } from './astro-build';
import { dataSnapshotPrefix, recoverStoppedBuilds } from './build-leftovers';
import { bundleCacheDirFor } from './bundle-cache';
import { archiveDirFor, dataDirFromEnv, loadSiteFromDisk, shownPath } from '../data/load-site';
import { summariesWith, writePageData } from './page-data';
import { precompressSite } from './precompress';

/** Options of one build. */
export interface BuildOptions {
  /** Where the finished site goes (replaced only when the build succeeds). */
  outDir: string;
  /** The data folder; $PLAN_DATA_DIR or data/ when absent. */
  dataDir?: string | undefined;
  /** The project root (where astro.config.mjs is). */
  root?: string;
  /** Where messages go. */
  log?: (line: string) => void;
  /** The folder of rendered archived years ($PLAN_ARCHIVE_CACHE_DIR or <root>/.cache/archive/), or false to render every year afresh. */
  archiveCache?: string | false;
  /** The code fingerprint the cache is keyed by (computed from the project when absent; tests pass another to act as a code change). */
  codeFingerprint?: string;
  /** How many threads render the pages ($PLAN_BUILD_THREADS; by default one per CPU, up to four, for 5 MB of data or more, else one). */
  threads?: number;
  /** Who renders the pages: the build's render threads (default), or a plain `astro build` ($PLAN_BUILD_RENDERER=astro). */
  renderer?: Renderer;
  /** The folder of cached bundles ($PLAN_BUNDLE_CACHE_DIR or <root>/.cache/bundle/), or false to bundle afresh. */
  bundleCache?: string | false;
}

/** Validates data/ and archive/, builds into `<out>.tmp-<pid>`, and renames it over outDir; a failure leaves outDir as it was. */
export async function buildSite(options: BuildOptions): Promise<{ ok: boolean }> {
  const log = options.log ?? ((line: string) => console.error(line));
  const root = resolve(options.root ?? process.cwd());
  const dataDir = resolve(root, options.dataDir ?? dataDirFromEnv());
  const outDir = resolve(root, options.outDir);
  const bundleCache = options.bundleCache ?? bundleCacheDirFor(root);
  const cacheDirs = [
    ...(options.archiveCache === false ? [] : [resolve(root, options.archiveCache || archiveCacheDirFor(root))]),
    ...(bundleCache === false ? [] : [resolve(root, bundleCache)]),
  ];
  for (const line of recoverStoppedBuilds({ root, outDir, cacheDirs }, (p) => shownPath(p, root))) log(line);
  const cache = options.archiveCache === false ? undefined : openCache(options, root, dataDir);
  // Cached years are checked against their manifests (tamper detection) but not read: their pages were made from exactly these files.
  const hits = new Set(cache?.entries.filter((e) => e.hit).map((e) => e.year));
  const tmpDir = `${outDir}.tmp-${process.pid}`;
  const oldDir = `${outDir}.old-${process.pid}`;
  // Astro bundles the site while the data is validated here; the render threads then read the validated data (the
  // page data file) instead of reading and validating data/ again.
  const pageDataDir = mkdtempSync(dataSnapshotPrefix());
  const pageData = join(pageDataDir, 'pages.v8');
  const archiveRoot = resolve(root, archiveDirFor(dataDir));
  const renderedBytes =
    folderBytes(dataDir) +
    (cache?.entries ?? [])
      .filter((e) => !e.hit)
      .reduce((n, e) => n + folderBytes(join(archiveRoot, String(e.year))), 0);
  const threads = options.threads ?? threadsFromEnv(log) ?? renderThreadCount(renderedBytes, availableParallelism());
  const astro = startAstroBuild(root, {
    env: { PLAN_PAGE_DATA: pageData },
    threads,
    renderer: options.renderer ?? rendererFromEnv(log),
    bundleCache: usableBundleCache(bundleCache, root, log),
  });
  // Cached archived years are linked into a folder of their own while Astro bundles (tens of thousands of files:
  // seconds of file-system work), and moved into the site at the end a plan folder at a time.
  const archivedDir = `${outDir}.archived-${process.pid}`;
  const restored = restoreCachedYears(cache, archivedDir, log);
  const prepared = restored.ok ? prepareData(dataDir, root, hits, cache, pageData, log) : undefined;
  const cleanUp = () =>
    [pageDataDir, archivedDir, tmpDir].forEach((dir) => rmSync(dir, { recursive: true, force: true }));
  if (!prepared?.ok) {
    await astro.cancel();
    cleanUp();
    if (prepared)
      log(
        `\nBuild stopped: ${prepared.errors} error(s) in the data. Nothing was published; ${options.outDir}/ is unchanged.`,
      );
    else if (!restored.ok)
      log(`Build failed: ${restored.message}\nNothing was published; ${options.outDir}/ is unchanged.`);
    return { ok: false };
  }
  rmSync(tmpDir, { recursive: true, force: true });
  const built = await astro.finish(tmpDir);
  rmSync(pageDataDir, { recursive: true, force: true });
  if (built.ok) logRender(built, log);
  // Before the archived years are cached, so that theirs are kept with them.
  if (built.ok) logPrecompressed(await precompressSite(tmpDir), log);
  const finished = built.ok ? finishArchives(cache, archivedDir, prepared.renderedYears, tmpDir, log) : built;
  if (!finished.ok) {
    cleanUp();
    log(`Build failed: ${finished.message}\nNothing was published; ${options.outDir}/ is unchanged.`);
    return { ok: false };
  }
  // Killed between these two renames there is no outDir: the next build puts oldDir back (build-leftovers.ts).
  if (existsSync(outDir)) renameSync(outDir, oldDir);
  renameSync(tmpDir, outDir);
  rmSync(oldDir, { recursive: true, force: true });
  log(`Site built in ${options.outDir}/ from ${shownPath(dataDir, root)}/.`);
  return { ok: true };
}

/** Says how the pages were rendered: the bundle (fresh or reused), the threads and the time. */
function logRender(built: Extract<AstroBuildResult, { ok: true }>, log: (line: string) => void): void {
  for (const note of built.notes) log(note);
  if (built.threads === 0) return log(`Rendered by astro build in ${built.renderSeconds.toFixed(1)} s.`);
  const bundled = built.bundleSeconds === undefined ? '' : `Bundled in ${built.bundleSeconds.toFixed(1)} s; `;
  log(
    `${bundled}${built.pages} files (pages, exports, search file, feed) rendered by ${built.threads} thread(s) in ${built.renderSeconds.toFixed(1)} s.`,
  );
}

/** Says how many large files got a .gz beside them. */
function logPrecompressed(done: Awaited<ReturnType<typeof precompressSite>>, log: (line: string) => void): void {
  if (done.files === 0) return;
  const mb = (bytes: number) => (bytes / 1048576).toFixed(1);
  log(
    `${done.files} large file(s) precompressed for the web server: ${mb(done.bytes)} MB → ${mb(done.gzipBytes)} MB (.gz).`,
  );
}

/** The bundle cache folder when it is inside the project (a bundle imports the project's node_modules from where it lies), else false, said in the log. */
function usableBundleCache(dir: string | false, root: string, log: (line: string) => void): string | false {
  if (dir === false) return false;
  const inside = relative(root, resolve(root, dir));
  if (!inside.startsWith('..') && !isAbsolute(inside)) return resolve(root, dir);
  log(
    `The bundle cache ${dir} is outside the project ${root}; bundling afresh (a cached bundle must lie inside the project).`,
  );
  return false;
}

/** $PLAN_BUILD_RENDERER: `astro` for a plain `astro build`, else the build's render threads (an unknown value is said in the log). */
function rendererFromEnv(log: (line: string) => void): Renderer {
  const value = process.env.PLAN_BUILD_RENDERER;
  if (value === 'astro' || value === 'threads') return value;
  if (value) log(`PLAN_BUILD_RENDERER=${value} is neither "threads" nor "astro"; rendering with the build's threads.`);
  return 'threads';
}

/** The bytes of every file under dir (0 when it does not exist). */
function folderBytes(dir: string): number {
  if (!existsSync(dir)) return 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) bytes += statSync(join(entry.parentPath, entry.name)).size;
  }
  return bytes;
}

/** $PLAN_BUILD_THREADS as a whole number of threads; undefined when unset or not a number from 1 to 16 (said in the log). */
function threadsFromEnv(log: (line: string) => void): number | undefined {
  const text = process.env.PLAN_BUILD_THREADS;
  if (!text) return undefined;
  const count = Number(text);
  if (Number.isInteger(count) && count >= 1 && count <= 16) return count;
  log(
    `PLAN_BUILD_THREADS=${text} is not a whole number from 1 to 16; choosing the number of render threads from the CPUs.`,
  );
  return undefined;
}

/** An archived year this build renders, as the cache saves it. */
interface RenderedYear {
  year: number;
  planIds: string[];
  /** Plans over several years the year froze while they go on: only their year export is the year's. */
  continuingIds: string[];
  summary: ArchiveSummary;
}

/**
 * Validates the data, prints its problems, and writes the page data the render threads read. Only what the end of
 * the build needs is returned: the data itself becomes garbage here, so this process does not hold a second copy of
 * it (~250 MB at 10,000 tasks) while the render threads do.
 */
function prepareData(
  dataDir: string,
  root: string,
  hits: ReadonlySet<number>,
  cache: OpenCache | undefined,
  pageData: string,
  log: (line: string) => void,
): { ok: true; renderedYears: RenderedYear[] } | { ok: false; errors: number } {
  const { dataset, archives, issues } = loadSiteFromDisk(dataDir, root, undefined, undefined, hits);
  for (const issue of sortIssues(issues)) log(formatIssue(issue));
  if (!dataset || hasErrors(issues)) return { ok: false, errors: issues.filter((i) => i.level === 'error').length };
  // Years copied from the cache are not rendered: the lists of years show them from the summary kept beside their pages.
  const cachedYears = (cache?.entries ?? []).flatMap((e) => (e.summary ? [e.summary] : []));
  const archiveSummaries = summariesWith(archives, cachedYears);
  writePageData(pageData, { dataset, archives, archiveSummaries });
  const renderedYears = archives.map((a) => ({
    year: a.year,
    planIds: a.dataset.plans.map((p) => p.id),
    continuingIds: (a.dataset.continuing ?? []).map((p) => p.id),
    summary: archiveSummaries.find((s) => s.year === a.year)!,
  }));
  return { ok: true, renderedYears };
}

interface OpenCache {
  dir: string;
  entries: CachedYear[];
}

function openCache(options: BuildOptions, root: string, dataDir: string): OpenCache {
  const dir = resolve(root, options.archiveCache || archiveCacheDirFor(root));
  const code = options.codeFingerprint ?? codeFingerprint(root);
  const context = { code, base: process.env.SITE_BASE || '/', site: readSiteFrame(dataDir) };
  return { dir, entries: lookUpArchives(dir, resolve(root, archiveDirFor(dataDir)), context) };
}

/** Links the pages of cached archived years into dir (created when there are any); a cache that cannot be read fails the build (its pages would be missing). */
function restoreCachedYears(
  cache: OpenCache | undefined,
  dir: string,
  log: (line: string) => void,
): { ok: true } | { ok: false; message: string } {
  const entries = cache?.entries ?? [];
  const years = (hit: boolean) =>
    entries
      .filter((e) => e.hit === hit)
      .map((e) => e.year)
      .join(', ') || 'none';
  if (entries.length > 0)
    log(`Archived years copied from the cache: ${years(true)}; rendered and cached: ${years(false)}.`);
  rmSync(dir, { recursive: true, force: true });
  for (const entry of entries.filter((e) => e.hit)) {
    try {
      restoreYear(entry, dir);
    } catch (error) {
      return {
        ok: false,
        message: `archive cache: could not copy ${entry.year} from ${entry.dir} (${(error as Error).message}); delete that folder and build again`,
      };
    }
  }
  return { ok: true };
}

/** Moves the restored archived years (archivedDir) into the fresh build, and caches the years it rendered. */
function finishArchives(
  cache: OpenCache | undefined,
  archivedDir: string,
  renderedYears: readonly RenderedYear[],
  siteDir: string,
  log: (line: string) => void,
): { ok: true } | { ok: false; message: string } {
  try {
    if (existsSync(archivedDir)) moveInto(archivedDir, siteDir);
  } catch (error) {
    return {
      ok: false,
      message: `archive cache: could not move the archived years into the site (${(error as Error).message})`,
    };
  }
  for (const entry of cache?.entries ?? []) {
    if (entry.hit) continue;
    const year = renderedYears.find((y) => y.year === entry.year);
    // An entry must hold every page of its year; a year not loaded here is left to render next time.
    if (!year || year.planIds.length + year.continuingIds.length === 0) continue;
    const problem = saveYear(entry, year, year.summary, siteDir, cache!.dir);
    if (problem) log(problem);
  }
  return { ok: true };
}
