/** Builds the site safely: validate first, build into a temporary folder, then swap it in for the old one. */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { formatIssue, hasErrors, sortIssues } from '../lib/problems';
import { dataDirFromEnv, loadDataFromDisk } from './load-data';

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
}

/** Validates, builds into `<out>.tmp-<pid>`, and renames it over outDir; a failure leaves outDir as it was. */
export async function buildSite(options: BuildOptions): Promise<{ ok: boolean }> {
  const log = options.log ?? ((line: string) => console.error(line));
  const root = resolve(options.root ?? process.cwd());
  const dataDir = resolve(root, options.dataDir ?? dataDirFromEnv());
  const { issues } = loadDataFromDisk(dataDir, root);
  for (const issue of sortIssues(issues)) log(formatIssue(issue));
  if (hasErrors(issues)) {
    log(`\nBuild stopped: ${issues.filter((i) => i.level === 'error').length} error(s) in the data. Nothing was published; ${options.outDir}/ is unchanged.`);
    return { ok: false };
  }
  const outDir = resolve(root, options.outDir);
  const tmpDir = `${outDir}.tmp-${process.pid}`;
  const oldDir = `${outDir}.old-${process.pid}`;
  rmSync(tmpDir, { recursive: true, force: true });
  process.env.PLAN_DATA_DIR = dataDir;
  // Astro lets an environment variable named BASE_URL (vitest sets one) override import.meta.env.BASE_URL,
  // which would point every link away from astro.config's base; the base comes from SITE_BASE only.
  const baseUrl = process.env.BASE_URL;
  delete process.env.BASE_URL;
  try {
    const { build } = await import('astro');
    await build({ root, outDir: tmpDir, logLevel: 'warn' });
  } catch (error) {
    rmSync(tmpDir, { recursive: true, force: true });
    log(`Build failed: ${(error as Error).message}\nNothing was published; ${options.outDir}/ is unchanged.`);
    return { ok: false };
  } finally {
    if (baseUrl !== undefined) process.env.BASE_URL = baseUrl;
  }
  if (existsSync(outDir)) renameSync(outDir, oldDir);
  renameSync(tmpDir, outDir);
  rmSync(oldDir, { recursive: true, force: true });
  log(`Site built in ${options.outDir}/ from ${dirname(dataDir) === root ? 'data/' : dataDir}.`);
  return { ok: true };
}
