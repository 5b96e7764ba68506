/** Loading and validating the data (the project's loader) against papaparse's raw parse of the same CSV text. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import Papa from 'papaparse';
import { median } from '../lib/report';
import { filesEndingWith } from './builds';

/** A project's loader (loadSiteFromDisk): reads and validates a data folder and the archive/ beside it. */
export type Loader = (dataDir: string) => { dataset: { plans: unknown[] } | undefined; issues: { level: string }[] };

/** Median times of both, in milliseconds, and their ratio; CPU times too, which other load on the machine disturbs less. */
export interface LoadMeasure {
  loadMs: number;
  papaMs: number;
  ratio: number;
  loadCpuMs: number;
  papaCpuMs: number;
  csvFiles: number;
  csvMb: number;
}

// A full collection before each timed run, so neither side pays for the other's garbage.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

function time(fn: () => void): { ms: number; cpuMs: number } {
  collectGarbage();
  const cpu = process.cpuUsage();
  const start = performance.now();
  fn();
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000 };
}

/** Times `runs` loads of dataDir and `runs` raw parses of its CSV files, interleaved, after one warm-up of each. */
export function measureLoad(dataDir: string, runs: number, loadSite: Loader): LoadMeasure {
  const texts = filesEndingWith(dataDir, '.csv').map((f) => readFileSync(join(dataDir, f), 'utf8'));
  const parseAll = () => {
    for (const text of texts) Papa.parse(text, { header: false });
  };
  const load = () => {
    const { issues } = loadSite(dataDir);
    if (issues.some((i) => i.level === 'error'))
      throw new Error(`the generated data does not validate: ${issues.length} problem(s)`);
  };
  load();
  parseAll();
  const loads = [];
  const parses = [];
  // Interleaved, so a busy moment of the machine hits both alike.
  for (let i = 0; i < runs; i++) {
    loads.push(time(load));
    parses.push(time(parseAll));
  }
  const loadMs = median(loads.map((t) => t.ms));
  const papaMs = median(parses.map((t) => t.ms));
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
  return {
    loadMs,
    papaMs,
    ratio: loadMs / papaMs,
    loadCpuMs: median(loads.map((t) => t.cpuMs)),
    papaCpuMs: median(parses.map((t) => t.cpuMs)),
    csvFiles: texts.length,
    csvMb: bytes / 1048576,
  };
}
