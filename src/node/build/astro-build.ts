/**
 * Renders the site in two steps. First one process bundles it with Astro (src/node/build/astro-bundle.mjs): client scripts,
 * styles and public/ into a client folder, the pages and Astro's app into a server bundle. The bundle is kept in a
 * cache keyed by the code (src/node/build/bundle-cache.ts), so a rebuild after a change to the data skips this step. Then
 * render threads, one per CPU, load that bundle and render every page of the site's list into the client folder
 * (src/node/build/render-pages.ts), which becomes the site. Bundling once and rendering in threads lets a province-sized site
 * use every CPU without paying Astro's start and Vite's bundling once per CPU (docs/performance.md).
 *
 * With the renderer 'astro' ($PLAN_BUILD_RENDERER=astro), the site is built by a plain `astro build` instead: slower,
 * and the reference the threads' output is compared with.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { copyTree } from './archive-cache';
import { bundleKey, lookUpBundle, restoreClient, saveBundle, type CachedBundle } from './bundle-cache';
import { describeFsError } from '../fs-errors';
import { outputTail, runThreads } from './run-render-threads';

/** How the pages are rendered: by the build's render threads over a cached or fresh bundle, or by a plain `astro build`. */
export type Renderer = 'threads' | 'astro';

/** The result of rendering the site: ok with how long each step took, or why not. */
export type AstroBuildResult =
  | {
      ok: true;
      /** Seconds spent bundling, or undefined when a cached bundle was used (or Astro rendered alone). */
      bundleSeconds: number | undefined;
      renderSeconds: number;
      threads: number;
      pages: number;
      /** Log lines about the bundle and the cache. */
      notes: string[];
    }
  | { ok: false; message: string };

/** Options of startAstroBuild. */
export interface AstroBuildOptions {
  /** Variables for the bundling process and the render threads, besides those buildEnv() passes on. */
  env: Record<string, string>;
  threads: number;
  renderer: Renderer;
  /** The folder of cached bundles, or false to bundle afresh and keep nothing. */
  bundleCache: string | false;
}

/** A site render under way: wait for it, or stop it. */
export interface AstroBuild {
  /** Waits for the bundle, renders every page, and moves the site to outDir (created); never throws. */
  finish(outDir: string): Promise<AstroBuildResult>;
  /** Stops the bundling or rendering and removes what they wrote. */
  cancel(): Promise<void>;
}

/**
 * Variables of the caller's environment that the build passes to Astro and the render threads: the system's, and the
 * site's own (SITE_*, PLAN_*). Nothing else: Astro's server code reads the process environment into import.meta.env,
 * so a caller's BASE_URL or MODE (vitest sets both) would change the pages.
 */
const PASSED_ON =
  /^(PATH|HOME|USER|LOGNAME|SHELL|LANG|LANGUAGE|LC_[A-Z]+|TZ|TMPDIR|TEMP|TMP|CI|SITE_[A-Z_]+|PLAN_[A-Z_]+)$/;

/** The environment of Astro and the render threads: the variables of PASSED_ON that the caller has, `extra`, and no telemetry. */
function buildEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) if (PASSED_ON.test(name)) env[name] = value;
  return { ...env, ASTRO_TELEMETRY_DISABLED: '1', ...extra };
}

let builds = 0;
const BUNDLER = fileURLToPath(new URL('./astro-bundle.mjs', import.meta.url));
const ASTRO_CLI = 'node_modules/astro/bin/astro.mjs';

/**
 * Starts bundling the site at root at once (the caller validates the data meanwhile), unless the cache has a bundle of
 * the same code. Rendering starts when finish() is called, so the data the pages read must be ready then.
 */
export function startAstroBuild(root: string, options: AstroBuildOptions): AstroBuild {
  // Inside the project, so the server bundle can import the project's node_modules.
  const work = join(root, `.dist-${process.pid}-${++builds}`);
  rmSync(work, { recursive: true, force: true });
  // A profiled build (`node --cpu-prof …`, as `npm run bench -- --profile` runs it) profiles the bundler and the threads too.
  const profiling = process.execArgv.filter((arg) => arg.startsWith('--cpu-prof'));
  const env = buildEnv(options.env);
  const started = performance.now();
  const cached =
    options.renderer === 'threads' && options.bundleCache !== false
      ? lookUpBundle(options.bundleCache, bundleKey(root, env.SITE_BASE || '/'))
      : undefined;
  const bundler =
    options.renderer === 'threads' && !cached?.hit
      ? spawnNode(root, [...profiling, BUNDLER, root, work], env)
      : undefined;
  let workers: { terminate(): Promise<number> }[] = [];
  let astro: Spawned | undefined;
  let cancelled = false;
  const remove = () => rmSync(work, { recursive: true, force: true });

  async function render(site: string): Promise<AstroBuildResult> {
    if (options.renderer === 'astro') {
      astro = spawnNode(root, [ASTRO_CLI, 'build', '--outDir', site], env);
      const built = await astro.result;
      if (!built.ok || cancelled) return { ok: false, message: built.message ?? 'stopped' };
      return { ok: true, bundleSeconds: undefined, renderSeconds: seconds(started), threads: 0, pages: 0, notes: [] };
    }
    const bundled = bundler ? await bundler.result : { ok: true };
    if (!bundled.ok || cancelled) return { ok: false, message: bundled.message ?? 'stopped' };
    const bundleSeconds = bundler ? seconds(started) : undefined;
    const notes = prepareSite(cached, options.bundleCache, work, site);
    const renderStarted = performance.now();
    const entry = join(cached?.hit ? cached.dir : work, 'server', 'entry.mjs');
    const threadsRun = runThreads(entry, site, env, profiling, options.threads);
    workers = threadsRun.workers;
    const rendered = await threadsRun.result;
    if (!rendered.ok) return rendered;
    const renderSeconds = seconds(renderStarted);
    return { ok: true, bundleSeconds, renderSeconds, threads: options.threads, pages: rendered.pages, notes };
  }

  return {
    async finish(outDir) {
      const site = join(work, 'client');
      try {
        const result = await render(site);
        if (result.ok) moveFolder(site, outDir);
        return result;
      } catch (error) {
        return { ok: false, message: describeFsError(error) };
      } finally {
        remove();
      }
    },
    async cancel() {
      cancelled = true;
      for (const process of [bundler, astro]) process?.child.kill('SIGTERM');
      await Promise.all([bundler?.result, astro?.result]);
      await Promise.all(workers.map((w) => w.terminate()));
      remove();
    },
  };
}

/** Puts the bundle's client assets where the pages will be written, and saves a fresh bundle to the cache; returns log lines. */
function prepareSite(cached: CachedBundle | undefined, cacheDir: string | false, work: string, site: string): string[] {
  if (cached?.hit) {
    restoreClient(cached, site);
    return [`Bundle reused from ${cached.dir} (the code has not changed since it was made).`];
  }
  if (!cached || cacheDir === false) return [];
  const problem = saveBundle(work, cached, cacheDir);
  return problem ? [problem] : [];
}

function seconds(since: number): number {
  return (performance.now() - since) / 1000;
}

interface Spawned {
  child: ChildProcess;
  result: Promise<{ ok: boolean; message?: string }>;
}

/** Astro warns once per route with parameters that getStaticPaths() is not used in a server build; the render threads do use it. */
const EXPECTED_WARNING = /getStaticPaths\(\) ignored in dynamic page/;

/** Runs Node (the one running this build) with args in root; the result says how it ended, with the end of its output. */
function spawnNode(root: string, args: readonly string[], env: NodeJS.ProcessEnv): Spawned {
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = outputTail(EXPECTED_WARNING);
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

/** Renames a folder, or copies then deletes it when the destination is on another file system. */
function moveFolder(from: string, to: string): void {
  mkdirSync(dirname(to), { recursive: true });
  try {
    renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    // File by file rather than cpSync, which reports a full disk as EIO.
    copyTree(from, to);
    rmSync(from, { recursive: true, force: true });
  }
}
