/** Builds the site safely: validate first, build into a temporary folder, then swap it in for the old one. */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { formatIssue, hasErrors, sortIssues } from '../lib/problems';
import { runAstroBuild } from './astro-build';
import { dataDirFromEnv } from './load-data';
import { loadSiteFromDisk } from './load-site';

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

/** Validates data/ and archive/, builds into `<out>.tmp-<pid>`, and renames it over outDir; a failure leaves outDir as it was. */
export async function buildSite(options: BuildOptions): Promise<{ ok: boolean }> {
  const log = options.log ?? ((line: string) => console.error(line));
  const root = resolve(options.root ?? process.cwd());
  const dataDir = resolve(root, options.dataDir ?? dataDirFromEnv());
  const { issues } = loadSiteFromDisk(dataDir, root);
  for (const issue of sortIssues(issues)) log(formatIssue(issue));
  if (hasErrors(issues)) {
    log(`\nBuild stopped: ${issues.filter((i) => i.level === 'error').length} error(s) in the data. Nothing was published; ${options.outDir}/ is unchanged.`);
    return { ok: false };
  }
  const outDir = resolve(root, options.outDir);
  const tmpDir = `${outDir}.tmp-${process.pid}`;
  const oldDir = `${outDir}.old-${process.pid}`;
  rmSync(tmpDir, { recursive: true, force: true });
  // A child process: astro's server chunks keep their names from build to build, so a second build in this process would reuse the first one's modules and data.
  const built = await runAstroBuild(root, tmpDir, { PLAN_DATA_DIR: dataDir });
  if (!built.ok) {
    rmSync(tmpDir, { recursive: true, force: true });
    log(`Build failed: ${built.message}\nNothing was published; ${options.outDir}/ is unchanged.`);
    return { ok: false };
  }
  if (existsSync(outDir)) renameSync(outDir, oldDir);
  renameSync(tmpDir, outDir);
  rmSync(oldDir, { recursive: true, force: true });
  log(`Site built in ${options.outDir}/ from ${dirname(dataDir) === root ? 'data/' : dataDir}.`);
  return { ok: true };
}
