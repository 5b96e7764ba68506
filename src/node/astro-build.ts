/**
 * Renders the site in two steps. First one `astro build` process bundles it (src/node/astro-bundle.mjs): client
 * scripts, styles and public/ into a client folder, the pages and Astro's App into a server bundle. Then render
 * threads, one per CPU, load that bundle and render every page into the client folder (src/node/render-pages.ts),
 * which becomes the site. Bundling once and rendering in threads is what lets a province-sized site use every CPU
 * without paying Astro's start and Vite's bundling once per CPU (docs/performance.md).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { finished } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { RenderResult } from './render-pages';

/** The result of rendering the site: ok with how long each step took, or why not. */
export type AstroBuildResult =
  | { ok: true; bundleSeconds: number; renderSeconds: number; threads: number; pages: number }
  | { ok: false; message: string };

let builds = 0;

/** Names Astro fills import.meta.env with; when a caller's environment has them (vitest sets BASE_URL=/), they would override the site's own. */
const BUILT_IN_ENV = ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'SITE', 'ASSETS_PREFIX'];

/** The environment of Astro's bundling and the render threads: the caller's, with `extra`, no telemetry, and none of BUILT_IN_ENV. */
export function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...extra };
  for (const name of BUILT_IN_ENV) delete env[name];
  return env;
}

/** A site render under way: wait for it, or stop it. */
export interface AstroBuild {
  /** Waits for the bundle, renders every page with `threads` threads, and moves the site to outDir (created); never throws. */
  finish(outDir: string): Promise<AstroBuildResult>;
  /** Stops the bundling or rendering and removes what they wrote. */
  cancel(): Promise<void>;
}

const BUNDLER = fileURLToPath(new URL('./astro-bundle.mjs', import.meta.url));
const RENDER_THREAD = fileURLToPath(new URL('./render-worker.mjs', import.meta.url));

/**
 * Starts bundling the site at root at once (the caller validates the data meanwhile); `env` is given to the bundle
 * and the render threads. Rendering starts when finish() is called, so the data the pages read must be ready then.
 */
export function startAstroBuild(root: string, env: Record<string, string>, threads = 1): AstroBuild {
  // Inside the project, so the server bundle can import the project's node_modules.
  const work = join(root, `.dist-${process.pid}-${++builds}`);
  rmSync(work, { recursive: true, force: true });
  // A profiled build (`node --cpu-prof …`, as `npm run bench -- --profile` runs it) profiles the bundler and the threads too.
  const profiling = process.execArgv.filter((arg) => arg.startsWith('--cpu-prof'));
  const started = performance.now();
  const bundler = spawnBundler(root, work, childEnv(env), profiling);
  let workers: Worker[] = [];
  let cancelled = false;
  const remove = () => rmSync(work, { recursive: true, force: true });
  return {
    async finish(outDir) {
      const bundled = await bundler.result;
      const bundleSeconds = (performance.now() - started) / 1000;
      if (!bundled.ok || cancelled) {
        remove();
        return { ok: false, message: bundled.message ?? 'stopped' };
      }
      const renderStarted = performance.now();
      const threadsRun = runThreads(
        join(work, 'server', 'entry.mjs'),
        join(work, 'client'),
        childEnv(env),
        profiling,
        threads,
      );
      workers = threadsRun.workers;
      const rendered = await threadsRun.result;
      if (!rendered.ok) {
        remove();
        return rendered;
      }
      try {
        moveFolder(join(work, 'client'), outDir);
      } catch (error) {
        remove();
        return { ok: false, message: (error as Error).message };
      }
      remove();
      return {
        ok: true,
        bundleSeconds,
        renderSeconds: (performance.now() - renderStarted) / 1000,
        threads,
        pages: rendered.pages,
      };
    },
    async cancel() {
      cancelled = true;
      bundler.child.kill('SIGTERM');
      await bundler.result;
      await Promise.all(workers.map((w) => w.terminate()));
      remove();
    },
  };
}

interface Bundler {
  child: ChildProcess;
  result: Promise<{ ok: boolean; message?: string }>;
}

/** Astro warns once per route with parameters that getStaticPaths() is not used in a server build; the render threads do use it. */
const EXPECTED_WARNING = /getStaticPaths\(\) ignored in dynamic page/;

function spawnBundler(root: string, work: string, env: NodeJS.ProcessEnv, nodeArgs: readonly string[]): Bundler {
  const child = spawn(process.execPath, [...nodeArgs, BUNDLER, root, work], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = outputTail();
  child.stdout!.on('data', output.add);
  child.stderr!.on('data', output.add);
  const result = new Promise<{ ok: boolean; message?: string }>((resolve) => {
    child.on('error', (error) => resolve({ ok: false, message: error.message }));
    child.on('close', (code, signal) => {
      const why = signal ? `was stopped (${signal})` : `exited with code ${code}`;
      resolve(code === 0 ? { ok: true } : { ok: false, message: `astro build ${why}:\n${output.text()}` });
    });
  });
  return { child, result };
}

/** Keeps the last lines a process or thread printed, for the message when it fails. */
function outputTail(): { add: (chunk: Buffer) => void; text: () => string } {
  let output = '';
  return {
    add: (chunk) => (output = (output + chunk.toString('utf8')).slice(-20_000)),
    text: () =>
      output
        .split('\n')
        .filter((line) => line.trim() !== '' && !EXPECTED_WARNING.test(line))
        .slice(-30)
        .join('\n'),
  };
}

/** Runs `count` render threads over the bundle at entry, sharing one counter of pages; collects every page that failed. */
export function runThreads(
  entry: string,
  outDir: string,
  env: NodeJS.ProcessEnv,
  execArgv: string[],
  count: number,
): { workers: Worker[]; result: Promise<{ ok: true; pages: number } | { ok: false; message: string }> } {
  const next = new Int32Array(new SharedArrayBuffer(4));
  const output = outputTail();
  const workers = Array.from({ length: count }, () => {
    const worker = new Worker(RENDER_THREAD, {
      workerData: { entry, outDir, next },
      env,
      execArgv,
      stdout: true,
      stderr: true,
    });
    worker.stdout.on('data', output.add);
    worker.stderr.on('data', output.add);
    return worker;
  });
  const results = workers.map(async (worker) => {
    const done = new Promise<RenderResult | Error>((resolve) => {
      let result: RenderResult | undefined;
      worker.on('message', (message: RenderResult) => (result = message));
      worker.on('error', (error) => resolve(error));
      worker.on('exit', (code) =>
        resolve(result ?? new Error(`a render thread stopped (exit code ${code}) before it finished`)),
      );
    });
    // What the thread printed may arrive after it exits; the message on failure needs all of it.
    const [result] = await Promise.all([
      done,
      finished(worker.stdout).catch(() => {}),
      finished(worker.stderr).catch(() => {}),
    ]);
    return result;
  });
  const result = Promise.all(results).then((done) => {
    const error = done.find((r): r is Error => r instanceof Error);
    if (error) return { ok: false as const, message: `${output.text()}\n${error.stack ?? error.message}`.trim() };
    const rendered = done as RenderResult[];
    const pages = rendered[0]!.pages;
    if (rendered.some((r) => r.pages !== pages))
      return {
        ok: false as const,
        message: `the render threads listed different pages (${rendered.map((r) => r.pages).join(', ')})`,
      };
    const failures = rendered.flatMap((r) => r.failures).sort((a, b) => (a.path < b.path ? -1 : 1));
    if (failures.length > 0) {
      const list = failures
        .slice(0, 20)
        .map((f) => `  ${f.path} (status ${f.status})`)
        .join('\n');
      return {
        ok: false as const,
        message: `${failures.length} of ${pages} page(s) did not render:\n${list}${failures.length > 20 ? '\n  …' : ''}\n${output.text()}`,
      };
    }
    return { ok: true as const, pages };
  });
  return { workers, result };
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
