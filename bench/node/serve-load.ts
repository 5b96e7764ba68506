/**
 * `npm run bench -- --serve`: the published site under load while it is published again and rolled back. Debian's
 * nginx (the generated configuration, 127.0.0.1, a free port) serves a publish target; concurrent clients fetch pages
 * and everything each page makes a browser fetch, for about a minute, while `npm run publish` runs several times from
 * two checkouts whose code differs (so asset names change at each switch) and `npm run rollback` twice. It reports
 * the requests, the failures (any status but 200/304, and the pages with a failed request), p50/p99 latency, and
 * checks that no page was ever a mix of two releases: every page fetched is, byte for byte, one release's file.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { siteScriptHashes } from '../../src/node/serve/csp-hashes';
import { startNginx } from '../../src/node/serve/nginx';
import { mulberry32 } from '../lib/random';
import { isServed, pageAssets, scriptImports, summarizeLoad, type Sample } from '../lib/serve-load';

/** What the command line asked for. */
export interface ServeLoadOptions {
  /** This repository: the first checkout published, and where the second is copied from. */
  repo: string;
  /** How long the clients fetch (the planned publishes and rollbacks are finished in any case). */
  seconds: number;
  clients: number;
  keep: boolean;
  log: (line: string) => void;
}

const BASE = '/ke-hoach/';
/** Publishes from the two checkouts, and rollbacks, in this order, then publishes alternately until the time is up. */
const PLAN: readonly Operation[] = ['B', 'A', 'rollback', 'B', 'rollback', 'A'];
type Operation = 'A' | 'B' | 'rollback';
/** Seconds between two operations, for the clients to load pages of each release. */
const PAUSE_MS = 2000;

/** One page load: the page's path, the hash of what came, whether it and every asset were served, and the release current pointed to at its end. */
interface PageLoad {
  path: string;
  hash: string;
  ok: boolean;
  currentAtEnd: string;
}

/** Runs the load test; resolves to whether it passed (no failure, no mixed page). */
export async function runServeLoad(o: ServeLoadOptions): Promise<boolean> {
  const tmp = mkdtempSync(join(tmpdir(), 'bench-serve-'));
  const copy = join(o.repo, '.tmp', `serve-copy-${process.pid}`);
  try {
    return await run(o, tmp, copy);
  } finally {
    rmSync(copy, { recursive: true, force: true });
    if (o.keep) o.log(`kept ${tmp}`);
    else rmSync(tmp, { recursive: true, force: true });
  }
}

/** What the clients gather: every request, every page load, and what failed. */
interface Gathered {
  samples: Sample[];
  loads: PageLoad[];
  failures: string[];
}

async function run(o: ServeLoadOptions, tmp: string, copy: string): Promise<boolean> {
  const dataDir = join(tmp, 'data');
  const target = join(tmp, 'www');
  cpSync(join(o.repo, 'data'), dataDir, { recursive: true });
  makeSecondCheckout(o.repo, copy);
  const known = new Map<string, Map<string, Set<string>>>();
  const operate = operator(o.repo, copy, target, dataDir, known);
  o.log(`first publishes (each checkout bundles once): ${await operate('A')}; ${await operate('B')}`);
  const nginx = await startNginx({ target, base: BASE, port: 0, scriptHashes: siteScriptHashes() });
  try {
    const pages = htmlFiles(join(target, 'current')).map((file) => file.replace(/(^|\/)index\.html$/, '$1'));
    o.log(`nginx ${nginx.url}: ${o.clients} clients fetch ${pages.length} pages and their assets for ${o.seconds} s`);
    const gathered: Gathered = { samples: [], loads: [], failures: [] };
    let stopped = false;
    const clients = Array.from({ length: o.clients }, (_, i) =>
      client(nginx.url, pages, target, mulberry32(i + 1), () => stopped, gathered),
    );
    const ops = await operateDuring(o, operate);
    stopped = true;
    await Promise.all(clients);
    const { samples, loads, failures } = gathered;
    const summary = summarizeLoad(samples, loads.length, loads.filter((l) => !l.ok).length);
    return report(o, summary, loads, known, failures, ops);
  } finally {
    await nginx.stop();
  }
}

/** Runs a publish from checkout A or B, or a rollback; learns the pages of the release then served; returns a line saying what happened. */
function operator(
  repo: string,
  copy: string,
  target: string,
  dataDir: string,
  known: Map<string, Map<string, Set<string>>>,
): (op: Operation) => Promise<string> {
  return async (op) => {
    const started = performance.now();
    const args = op === 'rollback' ? ['rollback', '--', target] : ['publish', '--', target, '--data', dataDir];
    const result = await npm(op === 'B' ? copy : repo, args);
    if (result.code !== 0) throw new Error(`npm run ${args.join(' ')} failed:\n${result.output}`);
    const served = currentOf(target);
    learnRelease(known, join(target, 'releases', served));
    return `${op === 'rollback' ? 'rollback' : `publish from ${op}`} → releases/${served} (${seconds(started)} s)`;
  };
}

/** The planned operations, then publishes alternately until the time is up, a pause before each; then waits out the time. */
async function operateDuring(o: ServeLoadOptions, operate: (op: Operation) => Promise<string>): Promise<string[]> {
  const start = performance.now();
  const stopAt = start + o.seconds * 1000;
  const ops: string[] = [];
  for (let i = 0; i < PLAN.length || performance.now() < stopAt - PAUSE_MS; i++) {
    await sleep(PAUSE_MS);
    const line = await operate(PLAN[i] ?? (i % 2 === 0 ? 'B' : 'A'));
    ops.push(line);
    o.log(`  ${seconds(start)} s: ${line}`);
  }
  await sleep(Math.max(PAUSE_MS, stopAt - performance.now()));
  return ops;
}

/** A copy of the code inside the project (so it finds node_modules) with a harmless change to a stylesheet and a script. */
function makeSecondCheckout(repo: string, copy: string): void {
  rmSync(copy, { recursive: true, force: true });
  for (const path of [
    'src',
    'public',
    'scripts',
    'astro.config.mjs',
    'package.json',
    'package-lock.json',
    'tsconfig.json',
  ])
    cpSync(join(repo, path), join(copy, path), { recursive: true });
  const css = join(copy, 'src/styles/global.css');
  writeFileSync(css, `${readFileSync(css, 'utf8')}\n.site-footer {\n  --bench-serve-copy: 1;\n}\n`);
  const script = join(copy, 'src/scripts/task-filter.ts');
  const code = readFileSync(script, 'utf8');
  const changed = code.replace('const TYPING_PAUSE_MS = 800;', 'const TYPING_PAUSE_MS = 801;');
  if (changed === code) throw new Error(`${script}: TYPING_PAUSE_MS = 800 not found to change`);
  writeFileSync(script, changed);
}

/** One client: a random page, a pause as a browser parses it, then everything the page makes a browser fetch. */
async function client(
  site: string,
  pages: readonly string[],
  target: string,
  random: () => number,
  stopped: () => boolean,
  gathered: Gathered,
): Promise<void> {
  const fetchOne = (url: string) => fetchCounted(url, gathered);
  while (!stopped()) {
    const path = pages[Math.floor(random() * pages.length)]!;
    const page = await fetchOne(site + path);
    await sleep(random() * 150);
    const assetsOk = page.ok && (await fetchAssets(pageAssets(page.body.toString('utf8'), site + path), fetchOne));
    gathered.loads.push({ path, hash: sha256(page.body), ok: page.ok && assetsOk, currentAtEnd: currentOf(target) });
  }
}

/** Fetches the assets at once, as a browser does, then the modules the scripts import; whether every one was served. */
async function fetchAssets(
  urls: readonly string[],
  fetchOne: (url: string) => Promise<{ ok: boolean; body: Buffer }>,
): Promise<boolean> {
  let ok = true;
  const seen = new Set<string>();
  const queue = [...urls];
  while (queue.length > 0) {
    const batch = queue.splice(0).filter((u) => !seen.has(u));
    batch.forEach((u) => seen.add(u));
    const got = await Promise.all(batch.map((u) => fetchOne(u).then((r) => ({ u, ...r }))));
    for (const { u, ok: served, body } of got) {
      ok &&= served;
      if (served && u.endsWith('.js')) queue.push(...scriptImports(body.toString('utf8'), u));
    }
  }
  return ok;
}

/** One GET, its time and whether it was served counted in `gathered`. */
async function fetchCounted(url: string, gathered: Gathered): Promise<{ ok: boolean; body: Buffer }> {
  const started = performance.now();
  try {
    const response = await fetch(url);
    const body = Buffer.from(await response.arrayBuffer());
    const ok = isServed(response.status);
    gathered.samples.push({ ms: performance.now() - started, ok });
    if (!ok) gathered.failures.push(`${response.status} ${url}`);
    return { ok, body };
  } catch (error) {
    gathered.samples.push({ ms: performance.now() - started, ok: false });
    gathered.failures.push(`${(error as Error).message} ${url}`);
    return { ok: false, body: Buffer.alloc(0) };
  }
}

/** Prints the figures; true when nothing failed and no page was a mix of releases. */
function report(
  o: ServeLoadOptions,
  s: ReturnType<typeof summarizeLoad>,
  loads: readonly PageLoad[],
  known: Map<string, Map<string, Set<string>>>,
  failures: readonly string[],
  ops: readonly string[],
): boolean {
  const releasesOf = (l: PageLoad) => known.get(l.path)?.get(l.hash);
  const mixed = loads.filter((l) => l.ok && !releasesOf(l));
  const across = loads.filter((l) => l.ok && releasesOf(l) && !releasesOf(l)!.has(l.currentAtEnd)).length;
  const rollbacks = ops.filter((l) => l.startsWith('rollback')).length;
  o.log(`operations during the load: ${ops.length - rollbacks} publishes, ${rollbacks} rollbacks`);
  o.log(`requests: ${s.requests}; failures (status other than 200/304): ${s.failures}`);
  o.log(`pages: ${s.pages}; pages with a failed request (the page or an asset): ${s.failedPages}`);
  o.log(`pages whose assets were fetched after current had moved to another release: ${across}`);
  o.log(`pages that match no release byte for byte (a mix of two): ${mixed.length}`);
  o.log(`latency: p50 ${s.p50Ms.toFixed(1)} ms, p99 ${s.p99Ms.toFixed(1)} ms, max ${s.maxMs.toFixed(1)} ms`);
  for (const f of failures.slice(0, 10)) o.log(`  failed: ${f}`);
  for (const m of mixed.slice(0, 10)) o.log(`  mixed: /${m.path}`);
  const passed = s.failures === 0 && s.failedPages === 0 && mixed.length === 0;
  o.log(passed ? 'serve load test: pass' : 'serve load test: FAIL');
  return passed;
}

/** Adds the hash of every page of a release to `known` (path → hash → releases with that page so). */
function learnRelease(known: Map<string, Map<string, Set<string>>>, dir: string): void {
  for (const file of htmlFiles(dir)) {
    const path = file.replace(/(^|\/)index\.html$/, '$1');
    const hashes = known.get(path) ?? new Map<string, Set<string>>();
    const hash = sha256(readFileSync(join(dir, file)));
    hashes.set(hash, (hashes.get(hash) ?? new Set()).add(basename(dir)));
    known.set(path, hashes);
  }
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html') && e.name !== '404.html')
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

function currentOf(target: string): string {
  return basename(readlinkSync(join(target, 'current')));
}

function npm(cwd: string, args: readonly string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '-s', ...args], {
      cwd,
      env: { ...process.env, SITE_BASE: BASE },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('close', (code) => resolve({ code: code ?? 1, output: output.slice(-4000) }));
  });
}

function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

function seconds(since: number): string {
  return ((performance.now() - since) / 1000).toFixed(1);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
