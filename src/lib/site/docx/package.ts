/**
 * The last step of writing a Word report: the package docx made, reopened to put the data tables in (docx-table.ts)
 * and to fix its clock, then zipped again. Its files are compressed by a Deflater: fflate's, in JavaScript, by
 * default; the build passes node:zlib's, which is native and several times faster on the tables of a province.
 */
import { deflateSync, unzipSync, Zip, type ZipInputFile } from 'fflate';
import type { IsoDate } from '../../dates';
import type { TableBook } from './table';

/** How a file of the package is compressed: its raw DEFLATE stream and its CRC-32. */
export interface Deflater {
  deflateRaw(data: Uint8Array): Uint8Array<ArrayBuffer>;
  crc32(data: Uint8Array): number;
}

/** fflate's DEFLATE (level 6) and a CRC-32 in JavaScript. */
export const JS_DEFLATER: Deflater = { deflateRaw: (data) => deflateSync(data, { level: 6 }), crc32: crc32js };

/**
 * The package with the tables in place of their markers and the given date as its time: docx stamps the time of
 * packing into docProps/core.xml and into every file of the zip, so two builds of the same report would differ.
 */
export function repackage(
  bytes: Uint8Array,
  options: { date: IsoDate; tables: TableBook; deflater?: Deflater | undefined },
): Uint8Array<ArrayBuffer> {
  const files = unzipSync(bytes);
  const body = files['word/document.xml'];
  if (body) files['word/document.xml'] = concat(options.tables.splice(decode(body)).map(encode));
  const core = files['docProps/core.xml'];
  if (core)
    files['docProps/core.xml'] = encode(
      decode(core).replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:)/g, `$1${options.date}T00:00:00Z$2`),
    );
  return writeZip(files, zipTime(options.date), options.deflater ?? JS_DEFLATER);
}

/** A zip of these files, in this order, each compressed by the deflater (fflate writes the zip's records). */
export function writeZip(files: Record<string, Uint8Array>, mtime: Date, deflater: Deflater): Uint8Array<ArrayBuffer> {
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else chunks.push(chunk);
  });
  for (const [filename, data] of Object.entries(files)) {
    // A file whose DEFLATE stream is made here (fflate's documented way to bring one's own compression).
    const entry: ZipInputFile = { filename, size: data.length, crc: deflater.crc32(data), compression: 8, mtime };
    zip.add(entry);
    entry.ondata!(null, deflater.deflateRaw(data), true);
  }
  zip.end();
  if (failure) throw failure;
  return concat(chunks);
}

/** The bytes of these pieces one after another. */
function concat(chunks: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** A zip's DOS time for a date: local midnight (fflate writes local time, so it reads the same in every time zone), within 1980–2107. */
function zipTime(date: IsoDate): Date {
  const [y, m, d] = date.split('-').map(Number);
  return y! < 1980 ? new Date(1980, 0, 1) : y! > 2107 ? new Date(2107, 11, 31) : new Date(y!, m! - 1, d!);
}

const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const encode = (text: string) => new TextEncoder().encode(text);

let crcTable: Uint32Array | undefined;

/** CRC-32 (the zip format's: polynomial 0xEDB88320), by table. */
function crc32js(data: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = crcTable[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
