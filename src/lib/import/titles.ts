/** Titles: sentence case for headings typed in capitals, and a task's short title from its content. */

// Kept in capitals when a heading in capitals is put in sentence case.
const ACRONYMS = new Set(['UBND', 'HĐND', 'TTHC', 'ĐBQH', 'CNTT', 'MTTQ', 'KH', 'QĐ', 'VP', 'TW', 'TU']);

function upperShare(text: string): number {
  const letters = text.match(/\p{L}/gu) ?? [];
  return letters.length === 0 ? 0 : letters.filter((c) => c !== c.toLocaleLowerCase('vi')).length / letters.length;
}

/** Puts a heading typed in capitals ("NỘI DUNG THỰC HIỆN") in sentence case ("Nội dung thực hiện"), keeping acronyms. */
export function sentenceCase(text: string): string {
  if (upperShare(text) < 0.6) return text;
  const lower = text
    .split(' ')
    .map((w) => (ACRONYMS.has(w.replace(/[^\p{L}]/gu, '')) ? w : w.toLocaleLowerCase('vi')))
    .join(' ');
  return lower.charAt(0).toLocaleUpperCase('vi') + lower.slice(1);
}

/** Cleans a heading for a section title: sentence case, no trailing colon or full stop. */
export function headingTitle(text: string): string {
  return sentenceCase(text).replace(/[\s:.;,]+$/, '');
}

/** A task's title: the first sentence of its content, at most `max` characters, cut at a word boundary with "…". */
export function shortTitle(text: string, max = 90): string {
  const plain = text.replace(/\*\*/g, '').replace(/\s+/g, ' ').trim();
  const end = /[.!?](?=\s+\p{Lu}|\s*$)/u.exec(plain);
  const sentence = (end ? plain.slice(0, end.index) : plain).replace(/[\s:;,.]+$/, '');
  if (sentence.length <= max) return sentence;
  const cut = sentence.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > 0 ? cut.slice(0, space) : cut).replace(/[\s,;:.\-–—(]+$/, '')}…`;
}
