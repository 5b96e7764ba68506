/** Vietnamese text helpers: Unicode normalisation, diacritic folding and collation. */

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const SPACES = /[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+/g;

/** Characters that are NFC on their own and never combine with a neighbour (tests/lib/text.test.ts checks each one). */
export const NFC_STABLE = /^[\x20-\x7e\u00a0-\u024f\u1e00-\u1eff\u2010-\u2027\u2030-\u205e]*$/;
// What the SPACES rewrite would change: a space other than U+0020, or two in a row.
const ODD_SPACE = /[^\S ]|\u200b| {2}/;

/** NFC_STABLE's characters less every space the SPACES rewrite would change, and no two spaces in a row: text that only needs trimming. */
export const PLAIN_LINE = /^(?:[\x21-\x7e\u00a1-\u024f\u1e00-\u1eff\u2010-\u2027\u2030-\u205e]| (?! ))*$/;

/** Normalises a string to NFC and turns non-breaking and odd spaces into plain ones, trimming the ends. */
export function cleanText(value: string): string {
  // Most cells are already clean NFC; testing for that costs far less than rewriting them (docs/performance.md).
  if (PLAIN_LINE.test(value)) return value.trim();
  const nfc = NFC_STABLE.test(value) ? value : value.normalize('NFC');
  return (ODD_SPACE.test(nfc) ? nfc.replace(SPACES, ' ') : nfc).trim();
}

const ODD_SPACES = /[\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000\ufeff]/g;
const LINE_BREAKS = /\r\n?|[\v\f\u2028\u2029]/g;

/** NFC_STABLE's characters and LF, less every one that LINE_BREAKS or ODD_SPACES rewrites: text that only needs trimming. */
export const PLAIN_MULTILINE = /^[\n\x20-\x7e\u00a1-\u024f\u1e00-\u1eff\u2010-\u2027\u2030-\u205e]*$/;

/** Like cleanText for multi-line (Markdown) text: keeps line breaks (as LF) and indentation, trims the ends. */
export function cleanMultiline(value: string): string {
  // Most Markdown cells are clean already: one scan instead of a normalisation and two rewrites (docs/performance.md).
  if (PLAIN_MULTILINE.test(value)) return value.trim();
  return value.normalize('NFC').replace(LINE_BREAKS, '\n').replace(ODD_SPACES, ' ').trim();
}

/** PLAIN_MULTILINE's characters and CR: text that is NFC as it is and holds no control character but CR and LF, and no odd space. */
export const PLAIN_TEXT = /^[\n\r\x20-\x7e\u00a1-\u024f\u1e00-\u1eff\u2010-\u2027\u2030-\u205e]*$/;

/** cleanText for a piece of PLAIN_TEXT without CR (a cell of a CSV file whose text is PLAIN_TEXT): no scan of every character. */
export function cleanPlainText(value: string): string {
  return value.indexOf('\n') < 0 && value.indexOf('  ') < 0 ? trimPlain(value) : cleanText(value);
}

/** cleanMultiline for a piece of PLAIN_TEXT without CR: it only needs trimming. */
export function cleanPlainMultiline(value: string): string {
  return trimPlain(value);
}

// The only white space in such a piece is U+0020 and LF: text that starts and ends with neither is trimmed already.
function trimPlain(value: string): string {
  return value.charCodeAt(0) > 0x20 && value.charCodeAt(value.length - 1) > 0x20 ? value : value.trim();
}

/** Folds text for matching: no diacritics, đ → d, lower case, single spaces. "Đảng" and "dang" fold alike. */
export function foldVietnamese(value: string): string {
  return value
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(SPACES, ' ')
    .trim();
}

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** Compares two strings in Vietnamese alphabetical order (a ă â b c d đ e ê …), numbers by value. */
export function compareVi(a: string, b: string): number {
  return collator.compare(a, b);
}

/** Sorts a copy of items by a text key in Vietnamese order. */
export function sortVi<T>(items: readonly T[], key: (item: T) => string): T[] {
  return [...items].sort((x, y) => compareVi(key(x), key(y)));
}

/** Compares section or task ids such as II.1.a and II.10.b part by part, Roman numerals by value. */
export function compareIds(a: string, b: string): number {
  const pa = a.split('.');
  const pb = b.split('.');
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const nx = idPartValue(x);
    const ny = idPartValue(y);
    if (!Number.isNaN(nx) && !Number.isNaN(ny) && nx !== ny) return nx - ny;
    const c = compareVi(x, y);
    if (c !== 0) return c;
  }
  return 0;
}

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };

function idPartValue(part: string): number {
  if (/^\d+$/.test(part)) return Number(part);
  if (/^[IVXLC]+$/.test(part)) {
    let total = 0;
    for (let i = 0; i < part.length; i++) {
      const v = ROMAN[part[i]!]!;
      const next = ROMAN[part[i + 1] ?? ''] ?? 0;
      total += v < next ? -v : v;
    }
    return total;
  }
  return Number.NaN;
}
