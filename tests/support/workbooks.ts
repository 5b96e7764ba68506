/**
 * Workbooks for tests: the default data's tables written as .xlsx the ways people fill them in (dates as date cells or
 * text, percents as 75, as a 75% cell or as text), and ZIP files built or patched by hand for the refusals.
 */
import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { readCleanCsv } from './csv-writer';
import { zipFiles } from '../../src/lib/data/workbook/zip-write';
import { entryDataOffset, readZipDirectory } from '../../src/lib/data/workbook/zip';

/** A cell as a test writes it. */
type TestCell = string | number | Date | boolean | null | ExcelJS.CellValue;

/** How to write a table: the sheet's name, sheets before it, and per-cell number formats. */
export interface TableWorkbook {
  sheet: string;
  header: readonly string[];
  rows: readonly (readonly TestCell[])[];
  /** Sheets added before the table's (e.g. a "Hướng dẫn" sheet of notes). */
  before?: readonly string[];
  /** Number formats by "row,col" (1-based, the header being row 1). */
  formats?: Readonly<Record<string, string>>;
}

/** Writes one table as a workbook. */
export async function tableWorkbook(spec: TableWorkbook): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  for (const name of spec.before ?? []) workbook.addWorksheet(name).getCell('A1').value = 'Ghi chú của văn phòng';
  const sheet = workbook.addWorksheet(spec.sheet);
  sheet.addRow([...spec.header]);
  for (const row of spec.rows) sheet.addRow(row.map((v) => (v === '' ? null : v)));
  for (const [at, numFmt] of Object.entries(spec.formats ?? {})) {
    const [r, c] = at.split(',').map(Number) as [number, number];
    // A style object of its own: exceljs shares one between cells loaded alike.
    sheet.getCell(r, c).style = { ...sheet.getCell(r, c).style, numFmt };
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const DATE_COLUMNS = new Set(['as_of', 'completed_on']);

/**
 * A CSV table of the default data as a workbook a person would keep: dates as date cells (every third as DD/MM/YYYY
 * text), percents as numbers, 75% cells and text in turn, and the sheet named after the table behind a sheet of notes.
 */
export async function csvAsWorkbook(csv: string, table: string): Promise<Uint8Array> {
  const { header, rows } = readCleanCsv(csv);
  const formats: Record<string, string> = {};
  const cells = rows.map((row, r) =>
    row.map((value, c): TestCell => {
      const column = header[c]!;
      if (value === '') return null;
      if (DATE_COLUMNS.has(column)) {
        const [y, m, d] = value.split('-').map(Number) as [number, number, number];
        if (r % 3 === 2) return `${d}/${m}/${y}`;
        formats[`${r + 2},${c + 1}`] = 'dd/mm/yyyy';
        return new Date(Date.UTC(y, m - 1, d));
      }
      if (column === 'percent') {
        if (r % 3 === 1) {
          formats[`${r + 2},${c + 1}`] = '0%';
          return Number(value) / 100;
        }
        return r % 3 === 0 ? Number(value) : value;
      }
      return value;
    }),
  );
  return tableWorkbook({ sheet: table, header, rows: cells, before: ['Hướng dẫn'], formats });
}

/** The default data with every CSV table replaced by a workbook of the same name. */
export async function dataAsWorkbooks(files: ReadonlyMap<string, Uint8Array>): Promise<Map<string, Uint8Array>> {
  const out = new Map<string, Uint8Array>();
  for (const [path, bytes] of files) {
    if (!path.endsWith('.csv')) {
      out.set(path, bytes);
      continue;
    }
    const table = path.slice(path.lastIndexOf('/') + 1, -'.csv'.length);
    out.set(path.replace(/\.csv$/, '.xlsx'), await csvAsWorkbook(new TextDecoder().decode(bytes), table));
  }
  return out;
}

/** A ZIP file of text parts, e.g. a workbook with one part too many. */
export function zipOf(parts: Record<string, string>): Promise<Uint8Array> {
  const encoder = new TextEncoder();
  return zipFiles(
    Object.entries(parts).map(([name, text]) => ({ name, data: encoder.encode(text) })),
    '2024-11-30',
  );
}

/** The parts of a workbook, by name, as text (to build variants of it with zipOf). */
export function partsOf(bytes: Uint8Array): Record<string, string> {
  const directory = readZipDirectory(bytes);
  if (!directory.ok) throw new Error(directory.reason);
  const parts: Record<string, string> = {};
  for (const entry of directory.entries) {
    const start = entryDataOffset(bytes, entry)!;
    const packed = bytes.subarray(start, start + entry.compressedSize);
    parts[entry.name] = new TextDecoder().decode(entry.method === 8 ? inflateRawSync(packed) : packed);
  }
  return parts;
}

/** A copy of a ZIP file with each entry's fields changed in both its local header and the directory. */
export function patchZip(
  bytes: Uint8Array,
  patch: { flags?: number; size?: (name: string, size: number) => number },
): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  const directory = readZipDirectory(out);
  if (!directory.ok) throw new Error(directory.reason);
  let at = directory.entries.length > 0 ? centralStart(view) : 0;
  for (const entry of directory.entries) {
    if (patch.flags !== undefined) {
      view.setUint16(at + 8, patch.flags, true);
      view.setUint16(entry.headerOffset + 6, patch.flags, true);
    }
    if (patch.size) {
      const size = patch.size(entry.name, entry.size);
      view.setUint32(at + 24, size, true);
      view.setUint32(entry.headerOffset + 22, size, true);
    }
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return out;
}

function centralStart(view: DataView): number {
  for (let at = view.byteLength - 22; at >= 0; at--)
    if (view.getUint32(at, true) === 0x06054b50) return view.getUint32(at + 16, true);
  throw new Error('no ZIP directory');
}

/** The first bytes of an OLE compound file (an .xls, or an encrypted .xlsx), with stream names in its directory. */
export function oleFile(streams: readonly string[]): Uint8Array {
  const magic = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  const names = streams.flatMap((s) =>
    [...s].flatMap((c) => [c.charCodeAt(0), 0]).concat(Array(64 - 2 * s.length).fill(0)),
  );
  return new Uint8Array([...magic, ...Array(512 - magic.length).fill(0), ...names]);
}
