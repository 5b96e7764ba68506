/** Reading a returned form from disk: a workbook (its "Báo cáo" sheet, else the first) or a CSV file, within the limits. */
import { lstatSync, readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { decodeBytes } from '../../lib/data/decode';
import { FORM_SHEET } from '../../lib/forms/layout';
import { csvSheet, type FormPlace } from '../../lib/forms/read';
import { formatSize } from '../../lib/data/file-size';
import { findLossyText, lineAt, lossyTextMessage } from '../../lib/data/lossy-text';
import { errorAt, type DataIssue } from '../../lib/data/problems';
import { WORKBOOK_LIMITS } from '../../lib/data/workbook/container';
import type { Sheet } from '../../lib/data/workbook/sheet';
import { refusedFormatMessage } from '../../lib/data/workbook/table-file';
import { readWorkbookSync } from '../data/workbook/read-workbook';

/** A returned file's sheet and where its cells are named, or the problem that refuses it. */
export type ReturnedFile = { ok: true; sheet: Sheet; place: FormPlace } | { ok: false; issue: DataIssue };

/** Reads a returned form; `shown` is the path messages name it by. */
export function readReturnedFile(path: string, shown: string): ReturnedFile {
  const refuse = (code: string, message: string, line?: number): ReturnedFile => ({
    ok: false,
    issue: errorAt({ file: shown, line }, code, message),
  });
  const ext = extname(path).slice(1).toLowerCase();
  let size: number;
  try {
    const stat = lstatSync(path);
    if (!stat.isFile())
      return refuse('not-a-file', 'is not a regular file (a folder or a link?); give the form files themselves');
    size = stat.size;
  } catch {
    return refuse('missing-file', 'does not exist');
  }
  const refused = refusedFormatMessage(ext);
  if (refused) return refuse('workbook-format', refused);
  if (ext !== 'xlsx' && ext !== 'csv')
    return refuse('not-a-form', 'is not a returned form: forms come back as .xlsx workbooks or "CSV UTF-8" files');
  if (size > WORKBOOK_LIMITS.maxFileBytes)
    return refuse(
      'file-too-large',
      `is ${formatSize(size)}; a form is far smaller (files over ${formatSize(WORKBOOK_LIMITS.maxFileBytes)} are refused)`,
    );
  const bytes = new Uint8Array(readFileSync(path));
  if (ext === 'xlsx') {
    const read = readWorkbookSync(bytes, FORM_SHEET);
    if (!read.ok) return refuse(read.code, read.message);
    return { ok: true, sheet: read.sheet, place: { file: shown, sheet: read.sheet.name } };
  }
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) return refuse('encoding', decoded.message, decoded.line);
  const lossy = findLossyText(decoded.text);
  if (lossy) return refuse('lossy-text', lossyTextMessage(lossy, 'file'), lineAt(decoded.text, lossy.index));
  return { ok: true, sheet: csvSheet(basename(path), decoded.text), place: { file: shown, sheet: undefined } };
}
