/** Reads a plan file (.docx, .pdf, .txt) into the importer's text, refusing what is too big, encrypted or broken. */
import { readFileSync, statSync } from 'node:fs';
import mammoth from 'mammoth';
import { getDocumentProxy } from 'unpdf';
import { decodeBytes } from '../../lib/data/decode';
import { htmlToText, pdfPagesToText, type PdfItem } from '../../lib/import/html-text';

/** The text read, or a one-line message saying why not and what to do. */
export type PlanFileResult = { ok: true; text: string; kind: 'docx' | 'pdf' | 'txt' } | { ok: false; message: string };

/** Limits on what is read: a real plan is far below each. */
export const PLAN_FILE_LIMITS = {
  bytes: 20 * 1024 * 1024,
  /** A .docx is a zip: what its parts take once inflated. */
  unzippedBytes: 100 * 1024 * 1024,
  zipEntries: 5000,
  pdfPages: 500,
  ms: 60_000,
};

/** Reads a plan file; never throws (a broken file gives a message naming it). */
export async function readPlanFile(path: string, limits = PLAN_FILE_LIMITS): Promise<PlanFileResult> {
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) return fail(path, 'is not a file');
    size = stat.size;
  } catch {
    return fail(path, 'cannot be read: no such file');
  }
  if (size > limits.bytes)
    return fail(path, `is ${Math.ceil(size / 1048576)} MB; plan files over ${limits.bytes / 1048576} MB are refused`);
  const bytes = new Uint8Array(readFileSync(path));
  try {
    return await withTimeout(readBytes(path, bytes, limits), limits.ms, path);
  } catch (e) {
    return fail(
      path,
      `could not be read (${(e as Error).message.split('\n')[0]}); save it again from Word as .docx, or as plain text`,
    );
  }
}

function fail(path: string, message: string): PlanFileResult {
  return { ok: false, message: `${path}: ${message}` };
}

async function withTimeout<T>(work: Promise<T>, ms: number, path: string): Promise<T | PlanFileResult> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<PlanFileResult>((resolve) => {
    timer = setTimeout(
      () =>
        resolve(fail(path, `took over ${ms / 1000} s to read and was stopped; save it as plain text and import that`)),
      ms,
    );
    timer.unref();
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

async function readBytes(path: string, bytes: Uint8Array, limits: typeof PLAN_FILE_LIMITS): Promise<PlanFileResult> {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return readDocx(path, bytes, limits);
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0]))
    return fail(
      path,
      'is a password-protected Word file or an old .doc; open it in Word, remove the password and save it as .docx',
    );
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return readPdf(path, bytes, limits);
  if (/\.(docx|pdf)$/i.test(path))
    return fail(path, `is not a ${/\.pdf$/i.test(path) ? 'PDF' : 'Word (.docx)'} file (its first bytes say otherwise)`);
  const decoded = decodeBytes(bytes);
  if (!decoded.ok)
    return fail(
      path,
      'is neither .docx, .pdf nor text in UTF-8, UTF-16 or Windows-1258; save it from Word as .docx or as plain text (UTF-8)',
    );
  return { ok: true, text: decoded.text, kind: 'txt' };
}

/** Checks a zip's central directory before inflating it: entries, their inflated size, encryption. */
function checkZip(bytes: Uint8Array, limits: typeof PLAN_FILE_LIMITS): string | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return 'is not a complete .docx (a zip without its directory: the file was cut short?)';
  const entries = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  if (entries > limits.zipEntries) return `holds ${entries} parts; a .docx of a plan holds a few dozen`;
  let total = 0;
  for (let k = 0; k < entries; k++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50)
      return 'is a damaged .docx (its zip directory is broken)';
    if (view.getUint16(at + 8, true) & 1) return 'is encrypted; remove its password in Word and save it again';
    total += view.getUint32(at + 24, true);
    if (total > limits.unzippedBytes)
      return `would inflate to over ${limits.unzippedBytes / 1048576} MB; a plan's .docx inflates to a few MB (is this the right file?)`;
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return undefined;
}

async function readDocx(path: string, bytes: Uint8Array, limits: typeof PLAN_FILE_LIMITS): Promise<PlanFileResult> {
  const problem = checkZip(bytes, limits);
  if (problem) return fail(path, problem);
  const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
  const text = htmlToText(value);
  if (text.trim() === '') return fail(path, 'holds no text (only pictures?); if it is a scan, it needs OCR first');
  return { ok: true, text, kind: 'docx' };
}

async function readPdf(path: string, bytes: Uint8Array, limits: typeof PLAN_FILE_LIMITS): Promise<PlanFileResult> {
  const pdf = await getDocumentProxy(bytes);
  if (pdf.numPages > limits.pdfPages)
    return fail(path, `has ${pdf.numPages} pages; at most ${limits.pdfPages} are read`);
  const pages: PdfItem[][] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    pages.push(
      content.items.flatMap((item) =>
        'str' in item
          ? [{ str: item.str, x: item.transform[4] as number, y: item.transform[5] as number, width: item.width }]
          : [],
      ),
    );
  }
  const letters = pages.flat().reduce((n, i) => n + i.str.replace(/\s/g, '').length, 0);
  if (letters < 20 * pdf.numPages)
    return fail(
      path,
      `has no text layer (${letters} letters in ${pdf.numPages} page(s)): it is a scan and needs OCR first (for example with OCRmyPDF or Word's "Open PDF"), then import the result`,
    );
  return { ok: true, text: pdfPagesToText(pages), kind: 'pdf' };
}
