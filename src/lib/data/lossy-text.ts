/**
 * The marks a lossy save leaves in Vietnamese text: UTF-8 read as Windows-1252 or 1258 and saved again ("Ã¡" for
 * "á", "á»‡" for "ệ", "Ä‘" for "đ"), and "?" where a save in a code page without Vietnamese letters dropped them.
 * Such text decodes without error, so only these marks show that the file is damaged. Saved as Windows-1258, the
 * garbled text even reads as UTF-8 again, but "Ã" is written as "A" and a combining tilde, whose byte with the next
 * one reads as a letter of Thaana ("GiAޡo" for "Giáo"), Cyrillic or Hangul glued to a Latin letter.
 */

/** The first damaged piece of a text, how it should read when that can be told, and how many lines show damage. */
export interface LossyText {
  kind: 'mojibake' | 'question-marks';
  /** 0-based index of the damaged piece in the text. */
  index: number;
  /** The word it is in, as it stands. */
  word: string;
  /** The word as it was before the bad save (mojibake only: "?" cannot be undone). */
  repaired?: string | undefined;
  /** Lines of the text that show the same damage. */
  lines: number;
}

// Character → byte in Windows-1252 and Windows-1258 (1252's where both have one), for the bytes 0x80–0xFF.
const BYTE_OF = new Map<string, number>();
for (const label of ['windows-1252', 'windows-1258']) {
  const decoder = new TextDecoder(label);
  for (let b = 0x80; b <= 0xff; b++) {
    const c = decoder.decode(new Uint8Array([b]));
    if (!BYTE_OF.has(c)) BYTE_OF.set(c, b);
  }
}

const charsOf = (from: number, to: number) =>
  [...BYTE_OF].filter(([, b]) => b >= from && b <= to).map(([c]) => c.replace(/[\]\\^-]/g, '\\$&'));

// A UTF-8 lead byte (0xC2–0xF4) then one to three continuation bytes (0x80–0xBF), each read as one character.
const CANDIDATE = new RegExp(`[${charsOf(0xc2, 0xf4).join('')}][${charsOf(0x80, 0xbf).join('')}]{1,3}`, 'g');
// What real mojibake decodes back to: Latin and Vietnamese letters, tone marks, quotes and dashes (not "Â " for NBSP).
// eslint-disable-next-line no-misleading-character-class -- tone marks on their own are the point (NFD text read wrongly)
const REPAIRED_TEXT = /^[\u00c0-\u024f\u0300-\u036f\u1e00-\u1eff\u2010-\u2026]+$/;
// "?" inside a word, or starting one: "Ph?ng", "?i?u". Not in links ("?id=5"), where it is in its place.
const LETTER = /^\p{L}$/u;
/** Garbled Vietnamese always holds one of these: the first character of a letter's two bytes (Ã Ă Ä Å Æ, Ì Í for
   tone marks), the second of its three (º »), or a character of the scripts FOREIGN looks for. */
export const HINT = /[\u00c3-\u00c6\u00cc\u00cd\u0102\u00ba\u00bb\u0480-\u04bf\u0780-\u07bf\uc000-\ucfff\ud800-\udbff]/;
// What the bytes of Windows-1258's tone marks (0xCC, 0xD2, 0xDE, 0xEC, 0xF2) start in UTF-8, right after a Latin letter.
const FOREIGN =
  /[A-Za-z\u00c0-\u024f\u1e00-\u1eff](?:[\u0480-\u04bf\u0780-\u07bf\uc000-\ucfff]|[\u{80000}-\u{bffff}])/gu;
const WORD_START = /^[\s("']$/;

/** The first mark of a lossy save in text, or undefined when it shows none; `noHints`: the text is known to be PLAIN_UNGARBLED. */
export function findLossyText(text: string, noHints = false): LossyText | undefined {
  return (noHints ? undefined : findMojibake(text)) ?? findQuestionMarks(text);
}

/**
 * PLAIN_TEXT (text.ts) without the characters garbled Vietnamese always holds (HINT): decoding tests a file with it
 * first, so that the one scan it makes anyway also tells that the file shows no mojibake.
 */
export const PLAIN_UNGARBLED =
  /^[\n\r\x20-\x7e\u00a1-\u00b9\u00bc-\u00c2\u00c7-\u00cb\u00ce-\u0101\u0103-\u024f\u1e00-\u1eff\u2010-\u2027\u2030-\u205e]*$/;

function findMojibake(text: string): LossyText | undefined {
  let first: LossyText | undefined;
  const lines = lineCounter(text);
  // Loading scans every CSV file: one scan for a few telltale characters first, the closer look only if one is there.
  if (!HINT.test(text)) return undefined;
  const found = [...text.matchAll(CANDIDATE)].filter((m) => repairPiece(m[0]) !== undefined).map((m) => m.index);
  for (const m of text.matchAll(FOREIGN)) found.push(m.index + 1);
  for (const index of found.sort((a, b) => a - b)) {
    lines.add(index);
    first ??= { kind: 'mojibake', index, word: wordAt(text, index), lines: 0 };
  }
  if (!first) return undefined;
  return { ...first, repaired: repairWord(first.word), lines: lines.count() };
}

// The piece's bytes read as UTF-8, when they make one whole Vietnamese letter (or a quote or dash).
function repairPiece(piece: string): string | undefined {
  const chars = [...piece];
  const lead = BYTE_OF.get(chars[0]!)!;
  const length = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
  if (chars.length < length) return undefined;
  let text: string;
  try {
    const bytes = chars.slice(0, length).map((c) => BYTE_OF.get(c)!);
    text = new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(bytes));
  } catch {
    return undefined;
  }
  return REPAIRED_TEXT.test(text) ? text + chars.slice(length).join('') : undefined;
}

function repairWord(word: string): string {
  // A character of Thaana, Cyrillic or Hangul goes back to the Windows-1258 bytes it was read from, then as the rest.
  const unglued = word.replace(FOREIGN, (pair) => {
    const [base, foreign] = [...pair] as [string, string];
    return base + new TextDecoder('windows-1258').decode(new TextEncoder().encode(foreign));
  });
  return unglued
    .normalize('NFC')
    .replace(CANDIDATE, (piece) => repairPiece(piece) ?? piece)
    .normalize('NFC');
}

function findQuestionMarks(text: string): LossyText | undefined {
  let first: LossyText | undefined;
  const lines = lineCounter(text);
  // Notes ask questions: a scan for each "?" is far quicker than a pattern tried at every letter of a large file.
  for (let i = text.indexOf('?'); i >= 0; i = text.indexOf('?', i + 1)) {
    let start = i;
    let end = i + 1;
    while (text[start - 1] === '?') start--;
    while (text[end] === '?') end++;
    const before = start === 0 ? ' ' : text[start - 1]!;
    if (!LETTER.test(text[end] ?? '') || !(LETTER.test(before) || WORD_START.test(before))) continue;
    const word = wordAt(text, i);
    if (/[/=&]/.test(word)) continue;
    lines.add(i);
    first ??= { kind: 'question-marks', index: i, word, lines: 0 };
    i = end - 1;
  }
  return first && { ...first, lines: lines.count() };
}

// Counts the distinct lines of indexes given in increasing order, with one pass over the text.
function lineCounter(text: string): { add: (index: number) => void; count: () => number } {
  let line = 1;
  let at = 0;
  let last = 0;
  let count = 0;
  return {
    add(index) {
      for (let i = text.indexOf('\n', at); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) {
        line++;
        at = i + 1;
      }
      if (line !== last) count++;
      last = line;
    },
    count: () => count,
  };
}

/** The word around an index: up to 20 characters each way, to a space or a CSV separator or quote. */
function wordAt(text: string, index: number): string {
  let start = index;
  let end = index;
  while (start > 0 && !WORD_END.test(text[start - 1]!) && index - start < 20) start--;
  while (end < text.length && !WORD_END.test(text[end]!) && end - index < 20) end++;
  return text.slice(start, end);
}

const WORD_END = /[\s,;"]/;

/** The 1-based line of an index. */
export function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** What a message says of lossy text in a file (or a workbook's cell): what the damage is, and how to save so it does not happen. */
export function lossyTextMessage(found: LossyText, what: 'file' | 'cell'): string {
  const word = JSON.stringify(found.word);
  const more = what === 'file' && found.lines > 1 ? ` (${found.lines} lines show it)` : '';
  if (found.kind === 'mojibake') {
    const should = found.repaired ? ` (it should read ${JSON.stringify(found.repaired)})` : '';
    return what === 'file'
      ? `${word} is Vietnamese text garbled by a wrong encoding${should}${more}: the file was opened as Windows-1252 or 1258 when it was UTF-8, then saved. Take the original again: in Excel, Save As → "CSV UTF-8"; in LibreOffice, open it with the character set "Unicode (UTF-8)" and save it with the same`
      : `${word} is Vietnamese text garbled by a wrong encoding${should}: it was copied from a CSV file opened with the wrong character set; type it again or copy it from the original`;
  }
  return what === 'file'
    ? `${word} has "?" where Vietnamese letters stood${more}: the file was saved in a character set without them (Windows-1252, "Western Europe"), and they are lost. Save the original workbook again: in Excel, Save As → "CSV UTF-8"; in LibreOffice, choose the character set "Unicode (UTF-8)"`
    : `${word} has "?" where Vietnamese letters stood: it was copied from a file saved without them; type it again or copy it from the original`;
}
