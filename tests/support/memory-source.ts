/** A DataSource over files held in memory, so loader tests never touch the disk (and can count what was read). */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { DataSource } from '../../src/lib/data/load';
import { parseWorkbook } from '../../src/node/data/workbook/read-workbook';

/** Files given as text (written as UTF-8) or bytes, by repository path. */
export type MemoryFiles = Record<string, string | Uint8Array>;

/** A DataSource over files by repository path (`data/units.csv`), as a Map of bytes or a record of text or bytes; `reads` lists every file read. */
export function memorySource(input: ReadonlyMap<string, Uint8Array> | MemoryFiles): DataSource & { reads: string[] } {
  const files = input instanceof Map ? input : toBytes(input as MemoryFiles);
  const reads: string[] = [];
  return {
    reads,
    list(dir) {
      const prefix = `${dir.replace(/\/$/, '')}/`;
      const entries = new Map<string, boolean>();
      for (const path of files.keys()) {
        if (!path.startsWith(prefix)) continue;
        const [name, ...rest] = path.slice(prefix.length).split('/');
        if (name) entries.set(name, (entries.get(name) ?? false) || rest.length > 0);
      }
      return [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, isDir]) => ({ name, isDir }));
    },
    size(path) {
      return files.get(path)?.length;
    },
    read(path) {
      const bytes = files.get(path);
      if (!bytes) throw new Error(`no file ${path}`);
      reads.push(path);
      return bytes;
    },
    parseWorkbook,
  };
}

/** Reads a folder on disk (e.g. data/) into a map keyed `<prefix>/<relative path>`. */
export function readFolder(dir: string, prefix = 'data'): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.set(`${prefix}/${relative(dir, full).split('\\').join('/')}`, new Uint8Array(readFileSync(full)));
    }
  };
  walk(dir);
  return files;
}

function toBytes(files: MemoryFiles): Map<string, Uint8Array> {
  return new Map(
    Object.entries(files).map(([path, c]) => [path, typeof c === 'string' ? new TextEncoder().encode(c) : c]),
  );
}

/** SHA-256 in hex, as src/node/hash.ts computes it. */
export const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');
