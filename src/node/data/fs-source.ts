/**
 * A DataSource over the real file system, rooted at the repository: the one place data files are opened. Only regular
 * files are read, never through a link: a symbolic link, a folder, a pipe or a device where a file is expected is
 * refused with its path (RefusedEntry), whatever the file's name or extension.
 */
import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  type Stats,
} from 'node:fs';
import { resolve, sep } from 'node:path';
import { RefusedEntry, type DataSource, type SourceEntry } from '../../lib/data/load-context';
import { parseWorkbook } from './workbook/read-workbook';

/** Options of fsSource. */
export interface FsSourceOptions {
  /** Folders (the data and archive folders) below which no link is followed, at any depth; they may be links themselves. */
  confine?: readonly string[];
}

/** Reads data files below root; relative paths are taken from root, absolute ones as they are. */
export function fsSource(root: string, options: FsSourceOptions = {}): DataSource {
  const confine = (options.confine ?? []).map((dir) => resolve(root, dir));
  const abs = (path: string) => resolve(root, path);
  /** Refuses a path any of whose folders below a confining folder is a link (a path outside them: none checked). */
  const checkFolders = (path: string, includeLast: boolean) => {
    const full = abs(path);
    const base = confine.find((dir) => full.startsWith(dir + sep));
    if (!base) return;
    const parts = full.slice(base.length + 1).split(sep);
    const shown = path.split(/[\\/]/);
    for (let i = 0; i < parts.length - (includeLast ? 0 : 1); i++) {
      const at = [base, ...parts.slice(0, i + 1)].join(sep);
      const stat = lstatOrUndefined(at);
      if (stat?.isSymbolicLink()) {
        const name = shown.slice(0, shown.length - (parts.length - 1 - i)).join('/');
        throw new RefusedEntry(name, linkReason(at, 'folder'));
      }
    }
  };
  return {
    list(dir) {
      checkFolders(dir, true);
      let entries;
      try {
        entries = readdirSync(abs(dir), { withFileTypes: true });
      } catch (error) {
        if (isMissing(error)) return [];
        throw error;
      }
      return entries
        .filter((e) => !e.name.startsWith('.'))
        .map((e): SourceEntry => {
          if (e.isDirectory()) return { name: e.name, isDir: true };
          if (e.isFile()) return { name: e.name, isDir: false };
          const path = resolve(abs(dir), e.name);
          return { name: e.name, isDir: false, refused: notRegular(path, lstatOrUndefined(path), 'file or folder') };
        })
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    },
    size(path) {
      let stat: Stats | undefined;
      try {
        stat = lstatOrUndefined(abs(path));
      } catch {
        // There but not to be looked at (EACCES): read() gives the reason.
        return 0;
      }
      // Anything at the path counts as there: read() then refuses what is not a regular file, rather than the
      // loader taking a link, a folder or a pipe for a missing file.
      return stat === undefined ? undefined : stat.isFile() ? stat.size : 0;
    },
    read(path) {
      checkFolders(path, false);
      const full = abs(path);
      const stat = lstatOrUndefined(full);
      if (stat && !stat.isFile()) throw new RefusedEntry(path, notRegular(full, stat, 'file'));
      // O_NOFOLLOW: a file swapped for a link after the check above is still not followed; O_NONBLOCK: nor does a pipe
      // swapped in hold the open.
      const fd = openSync(full, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
      try {
        const opened = fstatSync(fd);
        if (!opened.isFile()) throw new RefusedEntry(path, notRegular(full, opened, 'file'));
        return readFileSync(fd);
      } finally {
        closeSync(fd);
      }
    },
    parseWorkbook,
  };
}

function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/** Why an entry is not a regular file, without reading it (a link's target is named, never opened). */
function notRegular(path: string, stat: Stats | undefined, expected: 'file' | 'file or folder'): string {
  if (!stat || stat.isSymbolicLink()) return linkReason(path, expected);
  const kind = stat.isDirectory()
    ? 'a folder'
    : stat.isFIFO()
      ? 'a named pipe (FIFO)'
      : stat.isSocket()
        ? 'a socket'
        : stat.isCharacterDevice() || stat.isBlockDevice()
          ? 'a device'
          : 'not a regular file';
  return `is ${kind}, not a regular ${expected}; data is read only from regular files`;
}

function linkReason(path: string, expected: string): string {
  let target = '?';
  try {
    target = readlinkSync(path);
  } catch {
    // Named without its target: it is refused all the same.
  }
  return `is a symbolic link (to ${JSON.stringify(target)}), not a ${expected}: links are not followed in the data and archive folders; put the ${expected} itself here`;
}
