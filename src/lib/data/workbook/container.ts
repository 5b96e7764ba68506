/**
 * Checks a workbook file before anything unpacks it: what kind of file it really is (an .xls, an encrypted or
 * macro-enabled workbook, an OpenDocument file with the wrong name) and whether its ZIP directory stays within the
 * limits. A workbook is a ZIP file from outside the office's control: a small file may unpack to gigabytes.
 */
import { formatSize } from '../file-size';
import { readZipDirectory, type ZipEntry } from './zip';

/** What a workbook may be: caps on the file, on what it unpacks to, and on the time taken to read it. */
export interface WorkbookLimits {
  maxFileBytes: number;
  /** The sum of every part once unpacked. */
  maxUnpackedBytes: number;
  maxEntries: number;
  /** Reading the workbook (unpacking and parsing its XML) is stopped after this long. */
  timeoutMs: number;
}

/** 20 MB of workbook, 100 MB unpacked, 30 s: a plan's tables are well under 1 MB; CSV stays the way for far larger ones. */
export const WORKBOOK_LIMITS: WorkbookLimits = {
  maxFileBytes: 20 * 1024 * 1024,
  maxUnpackedBytes: 100 * 1024 * 1024,
  maxEntries: 1000,
  timeoutMs: 30_000,
};

/** The workbook's parts, or the problem (code and message) that refuses it. */
export type Inspection = { ok: true; entries: ZipEntry[] } | { ok: false; code: string; message: string };

const RESAVE = 'open it in Excel or LibreOffice and save it as "Excel Workbook (.xlsx)" (or as "CSV UTF-8")';
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Checks what a file named .xlsx really holds, without unpacking it. */
export function inspectWorkbook(bytes: Uint8Array, limits: WorkbookLimits): Inspection {
  if (OLE_MAGIC.every((b, i) => bytes[i] === b))
    return hasUtf16(bytes, 'EncryptedPackage')
      ? encrypted()
      : refuse('workbook-xls', `is an Excel 97–2003 workbook (.xls) with an .xlsx name; ${RESAVE}`);
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04))
    return refuse('not-workbook', `is not an Excel workbook (it is not a ZIP file, as every .xlsx is); ${RESAVE}`);
  const directory = readZipDirectory(bytes);
  if (!directory.ok) return refuse('workbook-damaged', `cannot be read as a workbook: ${directory.reason}; ${RESAVE}`);
  const { entries } = directory;
  if (entries.length > limits.maxEntries)
    return refuse(
      'workbook-too-large',
      `holds ${entries.length} parts, more than the ${limits.maxEntries} a workbook of data may have; ${RESAVE}`,
    );
  if (entries.some((e) => (e.flags & 1) !== 0)) return encrypted();
  const names = new Set(entries.map((e) => e.name.toLowerCase()));
  if (names.has('mimetype') && names.has('content.xml'))
    return refuse(
      'workbook-ods',
      `is an OpenDocument spreadsheet (.ods) with an .xlsx name; in LibreOffice choose File → Save As → "Excel 2007-365 (.xlsx)"`,
    );
  if (!names.has('[content_types].xml') || !entries.some((e) => /^xl\/workbook\d*\.xml$/i.test(e.name)))
    return refuse('not-workbook', `is a ZIP file but not an Excel workbook; ${RESAVE}`);
  if ([...names].some((n) => n.endsWith('vbaproject.bin')))
    return refuse(
      'workbook-macros',
      `holds macros (a macro-enabled workbook), which are never run nor accepted; in Excel choose File → Save As → "Excel Workbook (.xlsx)", which leaves the macros out`,
    );
  if (entries.some((e) => e.method !== 0 && e.method !== 8))
    return refuse('workbook-damaged', `packs its parts in a way Excel never does; ${RESAVE}`);
  const unpacked = entries.reduce((sum, e) => sum + e.size, 0);
  if (unpacked > limits.maxUnpackedBytes) return refuse('workbook-too-large', unpackedMessage(unpacked, limits));
  return { ok: true, entries };
}

// The message for a workbook that unpacks to more than the limit.
function unpackedMessage(unpacked: number | undefined, limits: WorkbookLimits): string {
  const size = unpacked === undefined ? 'more' : formatSize(unpacked);
  return `unpacks to ${size} of data, more than the ${formatSize(limits.maxUnpackedBytes)} a workbook may hold; save a table that large as "CSV UTF-8"`;
}

/** The message for a workbook that took too long to read. */
export function timeoutMessage(limits: WorkbookLimits): string {
  return `took more than ${limits.timeoutMs / 1000} s to read and was given up; save it as "CSV UTF-8", which reads far faster`;
}

function encrypted(): Inspection {
  return refuse(
    'workbook-encrypted',
    'is protected with a password (encrypted), so it cannot be read; open it, remove the password (Excel: File → Info → Protect Workbook → Encrypt with Password, clear it; LibreOffice: File → Save As without "Save with password") and save it again',
  );
}

function refuse(code: string, message: string): Inspection {
  return { ok: false, code, message };
}

// Stream names in an OLE file's directory are UTF-16: an encrypted workbook holds "EncryptedPackage".
function hasUtf16(bytes: Uint8Array, name: string): boolean {
  const pattern = [...name].flatMap((c) => [c.charCodeAt(0), 0]);
  outer: for (let i = 0; i + pattern.length <= bytes.length; i++) {
    for (let j = 0; j < pattern.length; j++) if (bytes[i + j] !== pattern[j]) continue outer;
    return true;
  }
  return false;
}
