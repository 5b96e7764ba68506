/** File-system errors in words a person can act on: a full disk, a read-only one, a missing folder, no permission. */
import { accessSync, constants, existsSync } from 'node:fs';
import { dirname } from 'node:path';

/** One line saying what went wrong with the disk and what to do, for an error thrown by node:fs; else the error's message. */
export function describeFsError(error: unknown): string {
  const { path, dest, message } = error as NodeJS.ErrnoException & { dest?: string };
  const code = realCode(error as NodeJS.ErrnoException);
  const where = dest ?? path;
  const at = where ? ` (${where})` : '';
  switch (code) {
    case 'ENOSPC':
      return `the disk is full${at}: free some space and run it again`;
    case 'EDQUOT':
      return `the disk quota is used up${at}: free some space or ask for a larger quota, and run it again`;
    case 'EROFS':
      return `the folder is on a read-only file system${at}: choose a folder that can be written, or have it mounted read-write`;
    case 'EACCES':
    case 'EPERM':
      return `no permission to write there${at}: run it as a user who may, or choose another folder`;
    case 'ENOENT':
      return `no such file or folder${at}: check the path`;
    case 'ENOTDIR':
      return `a part of the path is not a folder${at}: check the path`;
    default:
      return code ? `${message} (${code})` : String(message ?? error);
  }
}

/** The error's code; for a recursive mkdir, which says ENOENT when a folder cannot be made, why its nearest existing folder cannot be written. */
function realCode(error: NodeJS.ErrnoException): string | undefined {
  if (error.code !== 'ENOENT' || error.syscall !== 'mkdir' || !error.path) return error.code;
  let dir = dirname(error.path);
  while (!existsSync(dir) && dirname(dir) !== dir) dir = dirname(dir);
  try {
    accessSync(dir, constants.W_OK);
    return error.code;
  } catch (denied) {
    return (denied as NodeJS.ErrnoException).code ?? error.code;
  }
}
