/** Loading and validating the data (the project's loader) against papaparse's raw parse of the same CSV text. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { hasErrors } from '../../src/lib/problems';
import { loadDataFromDisk } from '../../src/node/load-data';
import { median } from '../lib/report';
import { filesEndingWith } from './builds';

/** Median times of both, in milliseconds, and their ratio. */
export interface LoadMeasure {
  loadMs: number;
  papaMs: number;
  ratio: number;
  csvFiles: number;
  csvMb: number;
}

function timeMs(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

/** Times `runs` loads of dataDir and `runs` raw parses of its CSV files, after one warm-up of each. */
export function measureLoad(dataDir: string, runs: number): LoadMeasure {
  const texts = filesEndingWith(dataDir, '.csv').map((f) => readFileSync(join(dataDir, f), 'utf8'));
  const parseAll = () => {
    for (const text of texts) Papa.parse(text, { header: false });
  };
  const load = () => {
    const { issues } = loadDataFromDisk(dataDir);
    if (hasErrors(issues)) throw new Error(`the generated data does not validate: ${issues.length} problem(s)`);
  };
  load();
  parseAll();
  const loads: number[] = [];
  const parses: number[] = [];
  // Interleaved, so a slow moment of the machine hits both alike.
  for (let i = 0; i < runs; i++) {
    loads.push(timeMs(load));
    parses.push(timeMs(parseAll));
  }
  const loadMs = median(loads);
  const papaMs = median(parses);
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
  return { loadMs, papaMs, ratio: loadMs / papaMs, csvFiles: texts.length, csvMb: bytes / 1048576 };
}
