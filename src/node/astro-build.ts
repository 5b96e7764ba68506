/**
 * Runs `astro build` in child processes, so each build starts with fresh modules (no data memoised by an earlier
 * build in this process); with several parts, one process per part renders its share of the pages
 * (src/lib/build-parts.ts) and their folders are merged.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { formatBuildPart } from '../lib/build-parts';

/** The result of one astro build: ok, or the tail of its output saying why not. */
export type AstroBuildResult = { ok: true; /** How long each process took, from the start of the build. */ seconds?: number[] } | { ok: false; message: string };

let builds = 0;

/** Names Astro fills import.meta.env with; when a caller's environment has them (vitest sets BASE_URL=/), they would override the site's own. */
const BUILT_IN_ENV = ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'SITE', 'ASSETS_PREFIX'];

function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...extra };
  for (const name of BUILT_IN_ENV) delete env[name];
  return env;
}

/** Astro build processes under way: wait for them and collect their output, or stop them. */
export interface AstroBuild {
  /** Waits for every process, merges their folders into outDir (created), and says how long each took; never throws. */
  finish(outDir: string): Promise<AstroBuildResult>;
  /** Stops every process and removes what they wrote. */
  cancel(): Promise<void>;
}

/** Starts building the site at root with extra environment variables, in `parts` processes at once (see src/lib/build-parts.ts). */
export function startAstroBuild(root: string, env: Record<string, string>, parts = 1): AstroBuild {
  // Astro writes its server chunks inside outDir when outDir is inside the project (where they can import node_modules),
  // and into the shared <root>/.astro/ otherwise; a private folder inside the project keeps parallel builds apart.
  const works = Array.from({ length: parts }, () => join(root, `.dist-${process.pid}-${++builds}`));
  for (const work of works) rmSync(work, { recursive: true, force: true });
  // Several processes each let garbage pile up to about twice what they keep alive; growing the heap by at most 100 % at
  // a time (V8 grows it up to 4× when it thinks it can) keeps the two at 10,000 tasks near 1.3 GB with the first process.
  const nodeArgs = parts === 1 ? [] : ['--heap-growing-percent=100'];
  const started = performance.now();
  const runs = works.map((work, index) => spawnBuild(root, work, parts === 1 ? env : { ...env, PLAN_BUILD_PART: formatBuildPart({ index, count: parts }) }, nodeArgs, started));
  const removeAll = () => works.forEach((work) => rmSync(work, { recursive: true, force: true }));
  return {
    async finish(outDir) {
      const results = await Promise.all(runs.map((r) => r.result));
      const failed = results.find((r) => !r.ok);
      if (failed) {
        removeAll();
        return { ok: false, message: failed.message ?? 'astro build failed' };
      }
      try {
        for (const work of works.slice(1)) mergeFolder(work, works[0]!);
        moveFolder(works[0]!, outDir);
      } catch (error) {
        removeAll();
        return { ok: false, message: (error as Error).message };
      }
      return { ok: true, seconds: results.map((r) => r.seconds) };
    },
    async cancel() {
      for (const run of runs) run.child.kill('SIGTERM');
      await Promise.all(runs.map((r) => r.result));
      removeAll();
    },
  };
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

interface ChildBuild {
  child: ChildProcess;
  result: Promise<{ ok: boolean; message?: string; seconds: number }>;
}

function spawnBuild(root: string, outDir: string, env: Record<string, string>, nodeArgs: readonly string[], started: number): ChildBuild {
  const cli = join(dirname(createRequire(join(root, 'package.json')).resolve('astro/package.json')), 'astro.js');
  const child = spawn(process.execPath, [...nodeArgs, cli, 'build', '--root', root, '--outDir', outDir], {
    cwd: root,
    env: childEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const result = new Promise<{ ok: boolean; message?: string; seconds: number }>((resolve) => {
    let output = '';
    const keep = (chunk: Buffer) => (output = (output + chunk.toString('utf8')).slice(-20_000));
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    const seconds = () => (performance.now() - started) / 1000;
    child.on('error', (error) => resolve({ ok: false, message: error.message, seconds: seconds() }));
    child.on('close', (code, signal) => {
      const tail = output.trim().split('\n').slice(-30).join('\n');
      const why = signal ? `was stopped (${signal})` : `exited with code ${code}`;
      resolve(code === 0 ? { ok: true, seconds: seconds() } : { ok: false, message: `astro build ${why}:\n${tail}`, seconds: seconds() });
    });
  });
  return { child, result };
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
