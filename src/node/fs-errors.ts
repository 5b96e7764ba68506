/** File-system errors in words a person can act on: a full disk, a read-only one, a missing folder, no permission. */

/** One line saying what went wrong with the disk and what to do, for an error thrown by node:fs; else the error's message. */
export function describeFsError(error: unknown): string {
  const { code, path, dest, message } = error as NodeJS.ErrnoException & { dest?: string };
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
