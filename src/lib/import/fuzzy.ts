/** Tolerant text matching for OCR'd Vietnamese: folding, look-alike repair, Roman numerals and edit distance. */
import { foldVietnamese } from '../text';

// Symbols OCR puts where a Vietnamese letter was: "Bi¢n" (Biện), "hi€u" (hiệu), "k¥" (kỹ), "thwc" (thực).
const LOOKALIKES: Record<string, string> = { '¢': 'c', '€': 'e', '¥': 'y', '@': 'a', w: 'u', ð: 'd' };
// Digits OCR puts inside words: "N6i" (Nội), "No1" (Nội), "so4t" (soát), "d01" (đổi).
const DIGIT_LETTERS: Record<string, string> = { '0': 'o', '1': 'i', '3': 'a', '4': 'a', '6': 'o' };
const DIGIT_IN_WORD = /(?<=[a-z])[01346]|[01346](?=[a-z])/g;

/** Folds text for tolerant comparison: no diacritics, lower case, OCR look-alikes repaired, punctuation as spaces. */
export function foldOcr(text: string): string {
  let folded = [...foldVietnamese(text)].map((c) => LOOKALIKES[c] ?? c).join('');
  for (let pass = 0; pass < 3; pass++) folded = folded.replace(DIGIT_IN_WORD, (d) => DIGIT_LETTERS[d]!);
  return folded.replace(/[^a-z0-9]+/g, ' ').trim();
}

const MARKS = /[\u0300-\u036f]/g;

/** Folds each character on its own (diacritics off, lower case), so indexes in the result match the input's. */
export function foldAligned(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const folded = ch.normalize('NFD').replace(MARKS, '').replace(/[đĐ]/g, 'd').toLowerCase();
    out += folded.length === ch.length ? folded : ch;
  }
  return out;
}

/** Levenshtein distance: the fewest single-character insertions, deletions or substitutions from a to b. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** The edit distance allowed between a damaged text and a reference of this length: a share of it, at least 1. */
export function allowedEdits(reference: string, share: number): number {
  return Math.max(1, Math.floor(reference.length * share));
}

const ROMAN_VALUES: [string, number][] = [
  ['M', 1000],
  ['CM', 900],
  ['D', 500],
  ['CD', 400],
  ['C', 100],
  ['XC', 90],
  ['L', 50],
  ['XL', 40],
  ['X', 10],
  ['IX', 9],
  ['V', 5],
  ['IV', 4],
  ['I', 1],
];

/** Writes a whole number from 1 to 3999 as a Roman numeral. */
export function toRoman(value: number): string {
  let rest = value;
  let out = '';
  for (const [symbol, n] of ROMAN_VALUES) {
    while (rest >= n) {
      out += symbol;
      rest -= n;
    }
  }
  return out;
}

const ROMAN_LETTER: Record<string, number> = { I: 1, V: 5, X: 10 };

/** Reads a Roman numeral that OCR may have damaged ("I1", "Il", "ITI" for II, II, III); undefined if it is none. */
export function readRoman(token: string, lookalikes: RegExp = /[lL1|!]/g): number | undefined {
  const upper = token.replace(lookalikes, 'I').toUpperCase();
  if (!/^[IVX]+$/.test(upper)) return undefined;
  let value = 0;
  for (let i = 0; i < upper.length; i++) {
    const v = ROMAN_LETTER[upper[i]!]!;
    const next = ROMAN_LETTER[upper[i + 1] ?? ''] ?? 0;
    value += v < next ? -v : v;
  }
  return toRoman(value) === upper ? value : undefined;
}
