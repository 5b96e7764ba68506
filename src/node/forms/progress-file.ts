/** A plan's progress file with collected reports added: CSV lines appended in the file's own encoding, JSON rewritten, a workbook's sheet extended. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { decodeBytes } from '../../lib/data/decode';
import type { NewReport } from '../../lib/forms/check';
import { csvAppendix, jsonWithReports, missingColumns, progressCells } from '../../lib/forms/append';
import { dateCell } from '../../lib/data/workbook/write';

/** The new content of a plan's progress file, or why the reports cannot be added to it. */
export type ProgressChange =
  { ok: true; file: string; bytes: Uint8Array; created: boolean } | { ok: false; file: string; message: string };

const HEADER = 'task_id,as_of,status,percent,completed_on,note,reported_by\n';

/** The plan folder's progress file with the reports added (a new progress.csv when it has none). */
export async function addToProgress(planDir: string, reports: readonly NewReport[]): Promise<ProgressChange> {
  const [file, ext] = (['csv', 'json', 'xlsx'] as const)
    .map((e) => [join(planDir, `progress.${e}`), e] as const)
    .find(([f]) => existsSync(f)) ?? [join(planDir, 'progress.csv'), 'new' as const];
  if (ext === 'new') {
    const added = csvAppendix(HEADER, reports);
    if (!added.ok) throw new Error('the standard progress header lacks a column');
    return { ok: true, file, bytes: new TextEncoder().encode(HEADER + added.text), created: true };
  }
  const bytes = new Uint8Array(readFileSync(file));
  if (ext === 'xlsx') return appendToWorkbook(file, bytes, reports);
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) return { ok: false, file, message: decoded.message };
  if (ext === 'json')
    return { ok: true, file, bytes: new TextEncoder().encode(jsonWithReports(decoded.text, reports)), created: false };
  if (decoded.encoding === 'windows-1258')
    return {
      ok: false,
      file,
      message:
        'is saved as Windows-1258, to which Vietnamese text cannot be added safely; save it as "CSV UTF-8" first (Excel: Save As → CSV UTF-8)',
    };
  const added = csvAppendix(decoded.text, reports);
  if (!added.ok) return { ok: false, file, message: missingMessage(added.missing) };
  const tail = decoded.encoding.startsWith('utf-16')
    ? utf16(added.text, decoded.encoding === 'utf-16be')
    : new TextEncoder().encode(added.text);
  return { ok: true, file, bytes: concat(bytes, tail), created: false };
}

function missingMessage(missing: readonly string[]): string {
  return `has no column ${missing.join(', ')} to hold the collected reports; add ${missing.length > 1 ? 'them' : 'it'} to its header row first`;
}

function utf16(text: string, bigEndian: boolean): Uint8Array {
  const buffer = Buffer.from(text, 'utf16le');
  return new Uint8Array(bigEndian ? buffer.swap16() : buffer);
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

// The progress sheet (named "progress", else the first visible one): a row per report under its header's columns.
async function appendToWorkbook(
  file: string,
  bytes: Uint8Array,
  reports: readonly NewReport[],
): Promise<ProgressChange> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  const sheet =
    workbook.worksheets.find((s) => s.name.trim().toLowerCase() === 'progress') ??
    workbook.worksheets.find((s) => s.state === 'visible');
  if (!sheet) return { ok: false, file, message: 'holds no worksheet' };
  let headerRow: ExcelJS.Row | undefined;
  sheet.eachRow((row) => (headerRow ??= row));
  const columns = new Map<string, number>();
  headerRow?.eachCell((cell, col) => columns.set(String(cell.text).trim().toLowerCase(), col));
  const missing = missingColumns([...columns.keys()], reports);
  if (missing.length > 0) return { ok: false, file, message: missingMessage(missing) };
  let next = sheet.lastRow ? sheet.lastRow.number + 1 : 2;
  for (const r of reports) {
    const row = sheet.getRow(next++);
    for (const [name, value] of Object.entries(progressCells(r))) {
      const col = columns.get(name);
      if (col === undefined || value === undefined || value === '') continue;
      const cell = row.getCell(col);
      const isDate = name === 'as_of' || name === 'completed_on';
      cell.value = isDate ? dateCell(String(value)) : value;
      if (isDate) cell.numFmt = 'dd/mm/yyyy';
    }
    row.commit();
  }
  return { ok: true, file, bytes: new Uint8Array(await workbook.xlsx.writeBuffer()), created: false };
}
