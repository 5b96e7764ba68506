/** An in-memory DataSource for loader tests: files by repository-relative path. */
import type { DataSource } from '../../src/lib/load';

/** Files given as text (written as UTF-8) or bytes. */
export type MemoryFiles = Record<string, string | Uint8Array>;

/** A DataSource over a map of path → contents; folders are implied by the paths. */
export function memorySource(files: MemoryFiles): DataSource {
  const bytes = new Map(Object.entries(files).map(([p, c]) => [p, typeof c === 'string' ? new TextEncoder().encode(c) : c]));
  return {
    list(dir) {
      const prefix = `${dir}/`;
      const names = new Map<string, boolean>();
      for (const path of bytes.keys()) {
        if (!path.startsWith(prefix)) continue;
        const rest = path.slice(prefix.length);
        const slash = rest.indexOf('/');
        names.set(slash < 0 ? rest : rest.slice(0, slash), slash >= 0);
      }
      return [...names].sort().map(([name, isDir]) => ({ name, isDir }));
    },
    size: (path) => bytes.get(path)?.length,
    read(path) {
      const b = bytes.get(path);
      if (!b) throw new Error(`no file ${path}`);
      return b;
    },
  };
}
