/** Writing a ZIP file (the package of an .xlsx workbook): each file deflated where the platform can, with a fixed date. */
import type { IsoDate } from '../../dates';

/** A file to pack. */
export interface ZipInput {
  name: string;
  data: Uint8Array;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** The CRC-32 of bytes, as ZIP files hold it. */
export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = CRC_TABLE[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** Packs files into a ZIP file dated `date` (deflated with CompressionStream where there is one, else stored). */
export async function zipFiles(files: readonly ZipInput[], date: IsoDate): Promise<Uint8Array<ArrayBuffer>> {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const dosDate = ((Math.max(1980, year) - 1980) << 9) | (month << 5) | day;
  const encoder = new TextEncoder();
  const locals: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const file of files) {
    const name = encoder.encode(file.name);
    const packed = await deflate(file.data);
    const method = packed ? 8 : 0;
    const body = packed ?? file.data;
    const header = headerFields(method, dosDate, crc32(file.data), body.length, file.data.length, name.length);
    const local = concat([u32(0x04034b50), u16(20), header, name, body]);
    central.push(
      concat([u32(0x02014b50), u16(20), u16(20), header, u16(0), u16(0), u16(0), u32(0), u32(offset), name]),
    );
    locals.push(local);
    offset += local.length;
  }
  const directory = concat(central);
  const end = concat([
    u32(0x06054b50),
    u16(0),
    u16(0),
    u16(files.length),
    u16(files.length),
    u32(directory.length),
    u32(offset),
    u16(0),
  ]);
  return concat([...locals, directory, end]);
}

// The fields local headers and directory entries share, from "general purpose flags" to "extra field length".
function headerFields(
  method: number,
  dosDate: number,
  crc: number,
  packed: number,
  size: number,
  nameLength: number,
): Uint8Array {
  // Flag bit 11: the name is UTF-8.
  return concat([
    u16(0x0800),
    u16(method),
    u16(0),
    u16(dosDate),
    u32(crc),
    u32(packed),
    u32(size),
    u16(nameLength),
    u16(0),
  ]);
}

async function deflate(data: Uint8Array): Promise<Uint8Array | undefined> {
  if (typeof CompressionStream === 'undefined') return undefined;
  const stream = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

function u16(n: number): Uint8Array {
  return new Uint8Array([n & 0xff, (n >>> 8) & 0xff]);
}

function u32(n: number): Uint8Array {
  return new Uint8Array([n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff]);
}

function concat(parts: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
