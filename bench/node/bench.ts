/** One benchmark run: generate the province, build it and the bare-Astro floor, load it, open /tasks/, weigh the JS. */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FULL_SIZE, generateProvince, QUICK_SIZE, type DataFiles } from '../lib/province';
import { checkTargets, formatChecks, PAGE_TYPES, round, type BenchResults, type PageType } from '../lib/report';
import { measureArchived, type ArchivedMeasure } from './archived';
import { buildFloor, buildProject, filesEndingWith, writeFloorProject } from './builds';
import { measureIndex, type IndexMeasure } from './measure-index';
import { measureJs, type PageJs } from './measure-js';
import { measureLoad, type LoadMeasure, type Loader } from './measure-load';
import type { MeasuredRun } from './process';
import { printProfile } from './profile';
import { measureSmallBuild, type SmallBuildMeasure } from './small-build';

/** What the command line asked for. */
export interface BenchOptions {
  /** This repository: where bench/results.json goes. */
  repo: string;
  /** The checkout whose build and loader are measured (this repository unless --project says otherwise). */
  project: string;
  quick: boolean;
  seed: number;
  /** Extra years of archived plans to generate (0: none). */
  archived: number;
  /** Record a CPU profile of the project build and print where its time went. */
  profile: boolean;
  /** Keep the temporary folder (data, built sites) for inspection. */
  keep: boolean;
  log: (line: string) => void;
}

/** Writes generated files under dir. */
export function writeDataFiles(dir: string, files: DataFiles): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

const size = (o: BenchOptions) => (o.quick ? QUICK_SIZE : FULL_SIZE);

function describeMachine(): string {
  const load = loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  return `machine: ${availableParallelism()} CPUs (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(1)} GB, Node ${process.version}; load average ${load}`;
}

function generate(o: BenchOptions, tmp: string): string {
  const s = size(o);
  const started = performance.now();
  const files = generateProvince({ ...s, seed: o.seed, year: 2024 });
  const dataDir = join(tmp, 'data');
  writeDataFiles(dataDir, files);
  const mb = Object.values(files).reduce((n, t) => n + Buffer.byteLength(t), 0) / 1048576;
  const took = ((performance.now() - started) / 1000).toFixed(1);
  o.log(
    `data: ${s.plans} plans, ${s.tasks} tasks, ${s.tasks * s.reportsPerTask} reports, ${s.units} units, ${s.leaders} leaders; ${mb.toFixed(1)} MB in ${Object.keys(files).length} files (${took} s) → ${dataDir}`,
  );
  return dataDir;
}

// Where a checkout keeps the loader its build uses: this layout, then the one before src/node had folders (so --project
// can measure an older checkout).
const LOADERS = [
  { file: 'src/node/data/load-site.ts', name: 'loadSiteFromDisk' },
  { file: 'src/node/load-data.ts', name: 'loadDataFromDisk' },
];

/** The loader the project's build uses (data/ and archive/ read and validated), imported from the checkout measured. */
async function importLoader(project: string): Promise<Loader> {
  const found = LOADERS.find(({ file }) => existsSync(join(project, file)));
  if (!found) throw new Error(`${project}: no loader at ${LOADERS.map((l) => l.file).join(' or ')}`);
  const module = (await import(pathToFileURL(join(project, found.file)).href)) as Record<string, Loader>;
  return module[found.name]!;
}

/** Builds the live year beside o.archived archived years, cold then after live changes; logs and returns the figures. */
async function runArchived(
  o: BenchOptions,
  dataDir: string,
  tmp: string,
  first: MeasuredRun,
): Promise<ArchivedMeasure> {
  const m = await measureArchived(o.project, dataDir, join(tmp, 'with-archive'), size(o), o.seed, o.archived, 2);
  m.live.unshift(first);
  o.log(
    `archived: ${o.archived} older year(s) of the same size in archive/${2024 - o.archived}…2023 (manifests as npm run snapshot writes them); ${m.pages} pages in all`,
  );
  o.log(
    `  first build (renders them, fills the cache): ${m.cold.seconds.toFixed(1)} s${cpu(m.cold)}, peak ${m.cold.peakMb.toFixed(0)} MB`,
  );
  for (const run of m.live) o.log(`  live year alone: ${run.seconds.toFixed(1)} s${cpu(run)}`);
  for (const run of m.warm)
    o.log(
      `  rebuild after a change to live data: ${run.seconds.toFixed(1)} s${cpu(run)}, peak ${run.peakMb.toFixed(0)} MB`,
    );
  const ratio = archivedRatio(m);
  o.log(
    `  rebuild / live year alone (fastest of each): ${ratio.wall.toFixed(2)}×${ratio.cpu === null ? '' : `, in CPU time ${ratio.cpu.toFixed(2)}×`}`,
  );
  return m;
}

/** The fastest rebuild over the fastest live-only build, in wall and CPU time (the fastest run is the one the rest of the machine disturbed least). */
function archivedRatio(m: ArchivedMeasure): { wall: number; cpu: number | null } {
  const least = (runs: MeasuredRun[], pick: (r: MeasuredRun) => number | null) =>
    Math.min(...runs.map((r) => pick(r) ?? Infinity));
  const cpuRatio = least(m.warm, (r) => r.cpuSeconds) / least(m.live, (r) => r.cpuSeconds);
  return {
    wall: least(m.warm, (r) => r.seconds) / least(m.live, (r) => r.seconds),
    cpu: Number.isFinite(cpuRatio) ? cpuRatio : null,
  };
}

/** The everyday rebuild of the shipped data, beside the floor; logs the runs. */
async function runSmall(o: BenchOptions, tmp: string): Promise<SmallBuildMeasure> {
  const m = await measureSmallBuild(o.project, join(tmp, 'small'), BUILD_ROUNDS);
  o.log(`small rebuild (the shipped data, ${m.pages} pages, changed and rebuilt with the cached bundle):`);
  o.log(`  first build (bundles): ${m.first.seconds.toFixed(1)} s${cpu(m.first)}`);
  m.rebuilds.forEach((run, i) =>
    o.log(
      `  rebuild: ${run.seconds.toFixed(1)} s${cpu(run)}; bare Astro floor of ${m.pages} pages: ${m.floors[i]!.seconds.toFixed(1)} s${cpu(m.floors[i]!)}`,
    ),
  );
  return m;
}

const cpu = (run: MeasuredRun) => (run.cpuSeconds === null ? '' : `, ${run.cpuSeconds.toFixed(1)} s CPU`);

/** How many times each build runs, alternating with the other; the fastest run of each is compared. */
const BUILD_ROUNDS = 2;

/**
 * Builds the project and the floor with the same page count, BUILD_ROUNDS times each, alternating (project, floor,
 * project, floor), each into a fresh folder; compares the fastest of each, the runs the rest of the machine (other
 * processes, the file system still writing out the run before) disturbed least. Peak memory is the highest of all runs.
 */
async function measureBuilds(
  o: BenchOptions,
  dataDir: string,
  tmp: string,
): Promise<{ build: MeasuredRun; floor: MeasuredRun; pages: number; site: string; astro: MeasuredRun }> {
  const site = join(tmp, 'site');
  const profileDir = o.profile ? join(tmp, 'profile') : undefined;
  const builds: MeasuredRun[] = [];
  const floors: MeasuredRun[] = [];
  let pages = 0;
  for (let round = 0; round < BUILD_ROUNDS; round++) {
    // The first round's site is the one measured afterwards (JavaScript, /tasks/ in Chromium); only it is profiled.
    const out = round === 0 ? site : join(tmp, `site-${round}`);
    // No bundle cache: a full build bundles (the everyday data-only rebuild is measured apart).
    const env = { PLAN_BUNDLE_CACHE_DIR: 'none' };
    const build = await buildProject(o.project, dataDir, out, round === 0 ? profileDir : undefined, env);
    builds.push(build);
    if (round === 0) pages = filesEndingWith(site, '.html').length;
    o.log(
      `project build: ${build.seconds.toFixed(1)} s${cpu(build)}, peak ${build.peakMb.toFixed(0)} MB, ${pages} pages`,
    );
    const floorDir = join(tmp, `floor-${round}`);
    writeFloorProject(floorDir, pages, o.project);
    const floor = await buildFloor(floorDir);
    floors.push(floor);
    const floorPages = filesEndingWith(join(floorDir, 'dist'), '.html').length;
    o.log(
      `bare Astro floor: ${floor.seconds.toFixed(1)} s${cpu(floor)}, peak ${floor.peakMb.toFixed(0)} MB, ${floorPages} pages`,
    );
  }
  const build = { ...fastest(builds), peakMb: Math.max(...builds.map((b) => b.peakMb)) };
  const floor = fastest(floors);
  o.log(`fastest of ${BUILD_ROUNDS}: project build ${build.seconds.toFixed(1)} s, floor ${floor.seconds.toFixed(1)} s`);
  if (build.cpuSeconds && floor.cpuSeconds)
    o.log(
      `CPU time ratio (less sensitive to other load on the machine): ${(build.cpuSeconds / floor.cpuSeconds).toFixed(2)}×`,
    );
  if (profileDir) printProfile(profileDir, o.project, o.log);
  // The same build with a plain `astro build` rendering the pages: what bundling once and rendering in threads saves.
  const astro = await buildProject(o.project, dataDir, join(tmp, 'site-astro'), undefined, {
    PLAN_BUILD_RENDERER: 'astro',
  });
  o.log(
    `the same build rendered by plain astro build (PLAN_BUILD_RENDERER=astro): ${astro.seconds.toFixed(1)} s${cpu(astro)}, peak ${astro.peakMb.toFixed(0)} MB; threads build / astro build ${(build.seconds / astro.seconds).toFixed(2)}×`,
  );
  return { build, floor, pages, site, astro };
}

/** The run with the least wall time. */
function fastest(runs: readonly MeasuredRun[]): MeasuredRun {
  return runs.reduce((best, run) => (run.seconds < best.seconds ? run : best));
}

function logJs(o: BenchOptions, js: Partial<Record<PageType, PageJs>>): void {
  for (const type of PAGE_TYPES) {
    const j = js[type];
    o.log(
      `JS ${type}: ${j ? `${j.kb.toFixed(1)} KB gz from ${j.files.length} file(s) + ${j.inlineScripts} inline script(s) on ${j.page}${j.hasChart ? ' (chart)' : ''}` : 'no page found'}`,
    );
  }
}

function logIndex(o: BenchOptions, index: IndexMeasure): void {
  o.log(
    `/tasks/: ${index.requests} requests, ${index.rawKb.toFixed(0)} KB raw, ${index.gzKb.toFixed(0)} KB gzipped; DOMContentLoaded ${index.dclMs.toFixed(0)} ms (median of 5)`,
  );
  if (index.searchIndexGzKb !== null)
    o.log(
      `/tasks/ search file (fetched after the load, not counted above): ${index.searchIndexGzKb.toFixed(0)} KB gzipped`,
    );
  if (index.search)
    o.log(
      `search: ${index.search.times.map((t) => t.toFixed(0)).join(', ')} ms (${index.search.unchanged} keystroke(s) changed nothing)`,
    );
}

interface Measured {
  load: LoadMeasure;
  build: MeasuredRun;
  floor: MeasuredRun;
  pages: number;
  js: Partial<Record<PageType, PageJs>>;
  index: IndexMeasure;
  astro: MeasuredRun;
  small: SmallBuildMeasure;
  archived?: ArchivedMeasure | undefined;
}

/** The figures of results.json, rounded. */
function toResults(o: BenchOptions, m: Measured): BenchResults {
  const { load, build, floor, js, index } = m;
  return {
    tasks: size(o).tasks,
    pages: m.pages,
    build_s: round(build.seconds, 2),
    floor_s: round(floor.seconds, 2),
    build_ratio: round(build.seconds / floor.seconds, 2),
    build_cpu_ratio: build.cpuSeconds && floor.cpuSeconds ? round(build.cpuSeconds / floor.cpuSeconds, 2) : null,
    astro_renderer_s: round(m.astro.seconds, 2),
    small_build_s: round(fastest(m.small.rebuilds).seconds, 2),
    small_floor_s: round(fastest(m.small.floors).seconds, 2),
    small_build_ratio: round(fastest(m.small.rebuilds).seconds / fastest(m.small.floors).seconds, 2),
    build_peak_mb: round(build.peakMb, 0),
    load_ratio: round(load.ratio, 2),
    index_gz_kb: round(index.gzKb, 1),
    index_dcl_ms: round(index.dclMs, 0),
    search_median_ms: index.search ? round(index.search.medianMs, 1) : null,
    search_worst_ms: index.search ? round(index.search.worstMs, 1) : null,
    js_gz_kb: Object.fromEntries(PAGE_TYPES.map((t) => [t, js[t] ? round(js[t].kb, 2) : null])) as Record<
      PageType,
      number | null
    >,
    ...(m.archived ? { archived_ratio: round(archivedRatio(m.archived).wall, 2) } : {}),
  };
}

/** Runs the whole benchmark, prints the table and writes bench/results.json. */
export async function runBench(o: BenchOptions): Promise<BenchResults> {
  const tmp = mkdtempSync(join(tmpdir(), 'bench-'));
  try {
    o.log(describeMachine());
    if (o.project !== o.repo) o.log(`project measured: ${o.project}`);
    const dataDir = generate(o, tmp);
    const loader = await importLoader(o.project);
    const load = measureLoad(dataDir, 7, loader);
    o.log(
      `load + validate: ${load.loadMs.toFixed(0)} ms; papaparse's raw parse of the ${load.csvFiles} CSV files (${load.csvMb.toFixed(1)} MB): ${load.papaMs.toFixed(0)} ms (medians of 7)`,
    );
    o.log(
      `  in CPU time: ${load.loadCpuMs.toFixed(0)} ms vs ${load.papaCpuMs.toFixed(0)} ms, ${(load.loadCpuMs / load.papaCpuMs).toFixed(2)}×`,
    );
    const { build, floor, pages, site, astro } = await measureBuilds(o, dataDir, tmp);
    const small = await runSmall(o, tmp);
    const js = measureJs(site);
    logJs(o, js);
    const index = await measureIndex(site, 5);
    logIndex(o, index);
    const archived = o.archived > 0 ? await runArchived(o, dataDir, tmp, build) : undefined;
    const results = toResults(o, { load, build, floor, pages, js, index, astro, small, archived });
    const charts = Object.fromEntries(PAGE_TYPES.map((t) => [t, js[t]?.hasChart ?? false]));
    o.log(
      `\n${formatChecks(checkTargets(results, charts, { search: index.searchNote || undefined, archived: archived ? 'the fastest rebuild after a change to live data over the fastest build of the live year alone (wall time)' : undefined }))}`,
    );
    writeFileSync(join(o.repo, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
    o.log(`\n${describeMachine()}\nwrote bench/results.json${o.keep ? `; kept ${tmp}` : ''}`);
    return results;
  } finally {
    if (!o.keep && existsSync(tmp)) rmSync(tmp, { recursive: true, force: true });
  }
}
