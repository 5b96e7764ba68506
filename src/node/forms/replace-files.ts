/** Replacing data files all together: each written under a temporary name first, the old one copied aside, then renamed into place. */
import { closeSync, copyFileSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';

/** A file's new content; `created` when there was no file before. */
export interface FileChange {
  file: string;
  bytes: Uint8Array;
  created: boolean;
}

/** Where each replaced file's previous content was kept (`<folder>/.backup/<name>.<stamp><ext>`). */
export type Backups = Map<string, string>;

/**
 * Writes every change, or none: all new contents are written and flushed under temporary names first, the old files
 * copied into .backup/ beside them, and only then renamed into place; a failure puts back the files already replaced.
 */
export function replaceFiles(changes: readonly FileChange[], stamp: string): Backups {
  const temps = changes.map((c) => join(dirname(c.file), `.${basename(c.file)}.${process.pid}.tmp`));
  const backups: Backups = new Map();
  const done: FileChange[] = [];
  try {
    changes.forEach((c, i) => writeFlushed(temps[i]!, c.bytes));
    for (const c of changes) {
      if (c.created) continue;
      const dir = join(dirname(c.file), '.backup');
      mkdirSync(dir, { recursive: true });
      const ext = extname(c.file);
      const backup = join(dir, `${basename(c.file, ext)}.${stamp}${ext}`);
      copyFileSync(c.file, backup);
      backups.set(c.file, backup);
    }
    changes.forEach((c, i) => {
      renameSync(temps[i]!, c.file);
      done.push(c);
    });
    return backups;
  } catch (error) {
    for (const c of done) {
      if (c.created) rmSync(c.file, { force: true });
      else copyFileSync(backups.get(c.file)!, c.file);
    }
    for (const path of [...temps, ...backups.values()]) rmSync(path, { force: true });
    throw error;
  }
}

function writeFlushed(file: string, bytes: Uint8Array): void {
  const fd = openSync(file, 'w');
  try {
    writeSync(fd, bytes);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
