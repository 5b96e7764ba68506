/** Writing a file whole: a reader, or the next run after a kill, finds the old file or the new one, never part of one. */
import { renameSync, writeFileSync } from 'node:fs';

/**
 * Writes data to `temp`, then renames it over `file` (one step on the same file system). The temporary name is the
 * caller's: the cleanup of leftovers after a kill recognises each by its name (with the process id where two runs may meet).
 */
export function writeFileWhole(file: string, data: string | Uint8Array, temp = `${file}.tmp`): void {
  writeFileSync(temp, data);
  renameSync(temp, file);
}
