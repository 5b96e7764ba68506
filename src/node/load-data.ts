/** Loads data/ from disk for the build and the command-line tools. */
import { isAbsolute, relative, resolve } from 'node:path';
import { todayInVietnam } from '../lib/dates';
import { loadDataset, type LoadResult } from '../lib/load';
import { fsSource } from './fs-source';

/** The data folder: $PLAN_DATA_DIR, or `data` in the current directory. */
export function dataDirFromEnv(): string {
  return process.env.PLAN_DATA_DIR || 'data';
}

/** Loads and validates a data folder; problems name files relative to cwd when the folder is inside it. */
export function loadDataFromDisk(dataDir = dataDirFromEnv(), cwd = process.cwd()): LoadResult {
  const absolute = resolve(cwd, dataDir);
  const rel = relative(cwd, absolute);
  const root = rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? absolute : rel.split('\\').join('/');
  return loadDataset(fsSource(cwd, { confine: [absolute] }), { root, buildDate: todayInVietnam() });
}
