/** The two builds the benchmark compares: the project's own, and a bare Astro project with as many trivial pages. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runMeasured, type MeasuredRun } from './process';

/** The environment of a build: no telemetry, base path /, data only from the --data flag. */
function buildEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...extra };
  delete env.SITE_BASE;
  delete env.PLAN_DATA_DIR;
  return env;
}

/**
 * Writes out to disk what earlier steps left in memory (the benchmark's data, the previous build's 200+ MB of pages),
 * so that a build does not pay for the writeback of the one before it; both builds start this way.
 */
function flushDisk(): void {
  try {
    execFileSync('sync');
  } catch {
    // no sync command: measure as things are
  }
}

/** Builds the project from dataDir into outDir exactly as `npm run build` does, in a child process. */
export async function buildProject(
  repo: string,
  dataDir: string,
  outDir: string,
  profileDir?: string,
  env: Record<string, string> = {},
): Promise<MeasuredRun> {
  flushDisk();
  // Node refuses --cpu-prof in NODE_OPTIONS; the build passes these flags on to its bundling process and render threads.
  const profile = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const run = await runMeasured(
    process.execPath,
    [...profile, '--import', 'tsx', 'scripts/build.ts', '--data', dataDir, '--out', outDir],
    { cwd: repo, env: buildEnv(env) },
  );
  if (run.code !== 0) throw new Error(`the project build failed (exit ${run.code}):\n${run.output}`);
  return run;
}

/** Writes a throwaway Astro project whose one dynamic route renders `pages` tiny pages from an in-memory array. */
export function writeFloorProject(dir: string, pages: number, repo: string): void {
  mkdirSync(join(dir, 'src/pages'), { recursive: true });
  symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'), 'dir');
  writeFileSync(
    join(dir, 'package.json'),
    `${JSON.stringify({ name: 'astro-floor', private: true, type: 'module' })}\n`,
  );
  // The same output options as the project's astro.config.mjs, so both write the same kind of files.
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    "export default { trailingSlash: 'always', build: { format: 'directory' }, devToolbar: { enabled: false }, prefetch: false, cacheDir: './.astro-cache' };\n",
  );
  writeFileSync(
    join(dir, 'src/pages/[page].astro'),
    [
      '---',
      // getStaticPaths is hoisted out of the page module, so the array is made inside it.
      'export function getStaticPaths() {',
      `  const pages = Array.from({ length: ${pages} }, (_, i) => String(i + 1));`,
      '  return pages.map((page) => ({ params: { page } }));',
      '}',
      'const { page } = Astro.params;',
      '---',
      '<html lang="vi"><head><meta charset="utf-8" /><title>Trang {page}</title></head><body><p>Trang {page}</p></body></html>',
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(dir, 'build.mjs'),
    "import { build } from 'astro';\nawait build({ root: process.cwd(), logLevel: 'warn' });\n",
  );
}

/** Builds the floor project (written by writeFloorProject) in a child process. */
export async function buildFloor(dir: string): Promise<MeasuredRun> {
  flushDisk();
  const run = await runMeasured(process.execPath, ['build.mjs'], { cwd: dir, env: buildEnv() });
  if (run.code !== 0) throw new Error(`the bare Astro build failed (exit ${run.code}):\n${run.output}`);
  return run;
}

/** Paths (relative to dir) of every file below dir whose name ends with ext. */
export function filesEndingWith(dir: string, ext: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((e) => e.isFile() && e.name.endsWith(ext))
    .map((e) => join(e.parentPath ?? (e as unknown as { path: string }).path, e.name).slice(dir.length + 1));
}
