/** An in-memory DataSource for loader tests: files by path, folders derived from the paths. */
import { createHash } from 'node:crypto';
import type { DataSource } from '../../src/lib/load';

/** A DataSource over a map of path → text. */
export function memorySource(files: Record<string, string>): DataSource & { files: Record<string, string> } {
  const bytes = (path: string) => new TextEncoder().encode(files[path]);
  return {
    files,
    list(dir) {
      const prefix = `${dir}/`;
      const names = new Map<string, boolean>();
      for (const path of Object.keys(files)) {
        if (!path.startsWith(prefix)) continue;
        const [name, ...rest] = path.slice(prefix.length).split('/');
        names.set(name!, (names.get(name!) ?? false) || rest.length > 0);
      }
      return [...names].map(([name, isDir]) => ({ name, isDir })).sort((a, b) => (a.name < b.name ? -1 : 1));
    },
    size: (path) => (path in files ? bytes(path).length : undefined),
    read: (path) => bytes(path),
  };
}

/** SHA-256 in hex, as src/node/hash.ts computes it. */
export const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');
