/** A DataSource over the real file system, rooted at the repository. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { DataSource } from '../lib/load';
import { decodeUtf8Node } from './utf8';
import { parseWorkbook } from './workbook/read-workbook';

/** Reads data files below root; relative paths are taken from root, absolute ones as they are. */
export function fsSource(root: string): DataSource {
  return {
    list(dir) {
      try {
        return readdirSync(resolve(root, dir), { withFileTypes: true })
          .filter((e) => !e.name.startsWith('.'))
          .map((e) => ({ name: e.name, isDir: e.isDirectory() }))
          .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      } catch {
        return [];
      }
    },
    size(path) {
      try {
        const stat = statSync(resolve(root, path));
        return stat.isFile() ? stat.size : undefined;
      } catch {
        return undefined;
      }
    },
    read(path) {
      return readFileSync(resolve(root, path));
    },
    decodeUtf8: decodeUtf8Node,
    parseWorkbook,
  };
}
