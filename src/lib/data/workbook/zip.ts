/** The directory of a ZIP file (an .xlsx workbook is one), read without unpacking anything, and fixed entry times. */

/** One file inside a ZIP, as its central directory describes it. */
export interface ZipEntry {
  name: string;
  /** 0: stored, 8: deflated; anything else is not in a workbook. */
  method: number;
  /** General-purpose flags; bit 0 set means the entry is encrypted. */
  flags: number;
  compressedSize: number;
  /** The size the directory declares once unpacked (a hostile file may lie: unpacking must check it). */
  size: number;
  /** Where the entry's local header starts. */
  headerOffset: number;
}

/** The entries, or why the bytes are not a ZIP file we can read. */
export type ZipDirectory = { ok: true; entries: ZipEntry[] } | { ok: false; reason: string };

const END_SIGNATURE = 0x06054b50;
const ENTRY_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const END_SIZE = 22;
const MAX_COMMENT = 0xffff;

/** Reads the central directory at the end of a ZIP file. */
export function readZipDirectory(bytes: Uint8Array): ZipDirectory {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEnd(view);
  if (end < 0) return { ok: false, reason: 'it has no ZIP directory at its end (a damaged or cut-off file)' };
  const count = view.getUint16(end + 10, true);
  const dirSize = view.getUint32(end + 12, true);
  const dirOffset = view.getUint32(end + 16, true);
  if (count === 0xffff || dirSize === 0xffffffff || dirOffset === 0xffffffff)
    return { ok: false, reason: 'it is a ZIP64 file, far larger than any workbook of a plan' };
  if (dirOffset + dirSize > end) return { ok: false, reason: 'its ZIP directory points outside the file' };
  const entries: ZipEntry[] = [];
  let at = dirOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || view.getUint32(at, true) !== ENTRY_SIGNATURE)
      return { ok: false, reason: 'its ZIP directory is damaged' };
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    entries.push({
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      headerOffset: view.getUint32(at + 42, true),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return { ok: true, entries };
}

function findEnd(view: DataView): number {
  const last = view.byteLength - END_SIZE;
  for (let at = last; at >= 0 && at >= last - MAX_COMMENT; at--)
    if (view.getUint32(at, true) === END_SIGNATURE) return at;
  return -1;
}

/** Where an entry's packed bytes start (after its local header), or undefined when the header is not where the directory says. */
export function entryDataOffset(bytes: Uint8Array, entry: ZipEntry): number | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.headerOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL_SIGNATURE) return undefined;
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  return start + entry.compressedSize <= bytes.length ? start : undefined;
}

/**
 * Sets every entry's modification time (local header and directory) to one date, so that a workbook written from the
 * same data is the same file byte for byte whenever it is written. The checksums cover contents only, not times.
 */
export function setZipTimes(
  bytes: Uint8Array,
  date: { year: number; month: number; day: number },
): Uint8Array<ArrayBuffer> {
  const out = bytes.slice();
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  const dosDate = ((date.year - 1980) << 9) | (date.month << 5) | date.day;
  const directory = readZipDirectory(out);
  if (!directory.ok) throw new Error(`setZipTimes: ${directory.reason}`);
  let at = view.getUint32(findEnd(view) + 16, true);
  for (const entry of directory.entries) {
    view.setUint16(at + 12, 0, true);
    view.setUint16(at + 14, dosDate, true);
    view.setUint16(entry.headerOffset + 10, 0, true);
    view.setUint16(entry.headerOffset + 12, dosDate, true);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return out;
}
