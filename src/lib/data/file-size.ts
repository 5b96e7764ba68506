/** File sizes as messages give them. */

/** A file size for messages: MB from 1 MB up, KB below. */
export function formatSize(bytes: number): string {
  return bytes >= 1048576 ? `${Number((bytes / 1048576).toFixed(1))} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
