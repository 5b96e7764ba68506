/**
 * What a killed build, publish or snapshot leaves behind: working folders and files named with the process id
 * (`.dist-<pid>-<n>`, `dist.tmp-<pid>`, `<target>/.changes-<pid>.json`, …). The next run removes those of processes
 * that are no longer running, and says so; those of a running process are its own business.
 */
import { existsSync, lstatSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { formatSize } from '../lib/data/load-context';
import { isRunning } from './releases/lock';

/** A leftover: its path, and the process that made it. */
export interface Leftover {
  path: string;
  pid: number;
}

/** Entries of dir whose name matches `pattern` (its first group that matched: the pid) and whose process is no longer running. */
export function findLeftovers(dir: string, pattern: RegExp): Leftover[] {
  if (!existsSync(dir)) return [];
  const found: Leftover[] = [];
  for (const name of readdirSync(dir)) {
    const match = pattern.exec(name);
    if (!match) continue;
    const pid = Number(match.slice(1).find((group) => group !== undefined));
    if (pid !== process.pid && !isRunning(pid)) found.push({ path: join(dir, name), pid });
  }
  return found.sort((a, b) => (a.path < b.path ? -1 : 1));
}

/** Removes leftovers; one line naming what was removed (with its size) and why, or none when there was nothing. */
export function removeLeftovers(leftovers: readonly Leftover[], shown: (path: string) => string = (p) => p): string[] {
  if (leftovers.length === 0) return [];
  const removed: string[] = [];
  for (const { path } of leftovers) {
    const bytes = treeBytes(path);
    try {
      rmSync(path, { recursive: true, force: true });
      removed.push(`${shown(path)} (${formatSize(bytes)})`);
    } catch (error) {
      removed.push(`${shown(path)} could not be removed (${(error as NodeJS.ErrnoException).code ?? error})`);
    }
  }
  const pids = [...new Set(leftovers.map((l) => l.pid))].join(', ');
  return [`Removed what stopped runs left behind (process ${pids}, no longer running): ${removed.join(', ')}.`];
}

/** Bytes of a file or of every file below a folder (links not followed). */
function treeBytes(path: string): number {
  try {
    const stat = lstatSync(path);
    if (!stat.isDirectory()) return stat.size;
    let bytes = 0;
    for (const entry of readdirSync(path, { withFileTypes: true, recursive: true }))
      if (entry.isFile()) bytes += lstatSync(join(entry.parentPath, entry.name)).size;
    return bytes;
  } catch {
    return 0;
  }
}
