/**
 * Runs `astro build` in child processes, so each build starts with fresh modules (no data memoised by an earlier
 * build in this process); with several parts, one process per part renders its share of the pages
 * (src/lib/build-parts.ts) and their folders are merged.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { formatBuildPart } from '../lib/build-parts';

/** The result of one astro build: ok, or the tail of its output saying why not. */
export type AstroBuildResult = { ok: true } | { ok: false; message: string };

let builds = 0;

/** Names Astro fills import.meta.env with; when a caller's environment has them (vitest sets BASE_URL=/), they would override the site's own. */
const BUILT_IN_ENV = ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'SITE', 'ASSETS_PREFIX'];

function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...extra };
  for (const name of BUILT_IN_ENV) delete env[name];
  return env;
}

/** Builds the site at root into outDir with extra environment variables, in `parts` processes at once (default 1); never throws. */
export async function runAstroBuild(root: string, outDir: string, env: Record<string, string>, parts = 1): Promise<AstroBuildResult> {
  // Astro writes its server chunks inside outDir when outDir is inside the project (where they can import node_modules),
  // and into the shared <root>/.astro/ otherwise; a private folder inside the project keeps parallel builds apart.
  const works = Array.from({ length: parts }, () => join(root, `.dist-${process.pid}-${++builds}`));
  for (const work of works) rmSync(work, { recursive: true, force: true });
  // Several processes each let garbage pile up to about twice what they keep alive; growing the heap by half at a time
  // (V8's default grows it faster) keeps each near 500 MB at 10,000 tasks, for about a tenth more CPU time.
  const nodeArgs = parts === 1 ? [] : ['--heap-growing-percent=50'];
  const results = await Promise.all(works.map((work, index) => spawnBuild(root, work, parts === 1 ? env : { ...env, PLAN_BUILD_PART: formatBuildPart({ index, count: parts }) }, nodeArgs)));
  const failed = results.find((r) => !r.ok);
  if (failed) {
    for (const work of works) rmSync(work, { recursive: true, force: true });
    return failed;
  }
  try {
    for (const work of works.slice(1)) mergeFolder(work, works[0]!);
    moveFolder(works[0]!, outDir);
  } catch (error) {
    for (const work of works) rmSync(work, { recursive: true, force: true });
    return { ok: false, message: (error as Error).message };
  }
  return { ok: true };
}

/** Moves every file of `from` into `into` where `into` has none at that path (the parts' shared scripts and styles are the same files), then removes `from`. */
function mergeFolder(from: string, into: string): void {
  for (const name of readdirSync(from)) {
    const source = join(from, name);
    const target = join(into, name);
    if (!existsSync(target)) renameSync(source, target);
    else if (statSync(source).isDirectory() && statSync(target).isDirectory()) mergeFolder(source, target);
  }
  rmSync(from, { recursive: true, force: true });
}

function spawnBuild(root: string, outDir: string, env: Record<string, string>, nodeArgs: readonly string[]): Promise<AstroBuildResult> {
  const cli = join(dirname(createRequire(join(root, 'package.json')).resolve('astro/package.json')), 'astro.js');
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...nodeArgs, cli, 'build', '--root', root, '--outDir', outDir], {
      cwd: root,
      env: childEnv(env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const keep = (chunk: Buffer) => (output = (output + chunk.toString('utf8')).slice(-20_000));
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', (error) => resolve({ ok: false, message: error.message }));
    child.on('close', (code) => {
      const tail = output.trim().split('\n').slice(-30).join('\n');
      resolve(code === 0 ? { ok: true } : { ok: false, message: `astro build exited with code ${code}:\n${tail}` });
    });
  });
}

/** Renames a folder, or copies then deletes it when the destination is on another file system. */
function moveFolder(from: string, to: string): void {
  mkdirSync(dirname(to), { recursive: true });
  try {
    renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    cpSync(from, to, { recursive: true });
    rmSync(from, { recursive: true, force: true });
  }
}
