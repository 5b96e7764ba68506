/** The lines before part I: the plan's title, number and date, and the "Căn cứ …" (basis) paragraphs. */
import { makeDate } from '../dates';
import { editDistance, foldAligned, foldOcr } from './fuzzy';
import { joinText, toMarkdown, toParagraphs } from './paragraphs';
import type { SourceLine } from './structure';
import { sentenceCase } from './titles';

/** What the heading lines say about the plan. */
export interface PlanHeading {
  /** '' when no title lines were found. */
  title: string;
  basis?: string | undefined;
  /** Số hiệu, e.g. 45/KH-VP. */
  number?: string | undefined;
  /** Ngày ban hành, YYYY-MM-DD. */
  issuedOn?: string | undefined;
}

/** Reads the title (the lines after "KẾ HOẠCH", or the last block before "Căn cứ"), number, date and basis. */
export function readPreamble(lines: readonly SourceLine[]): PlanHeading {
  const texts = lines.map((l) => l.text);
  const basisAt = texts.findIndex(isBasisStart);
  const header = basisAt >= 0 ? texts.slice(0, basisAt) : texts;
  const basis = basisAt >= 0 ? toMarkdown(toParagraphs(texts.slice(basisAt))) : undefined;
  return {
    title: readTitle(header),
    basis: basis || undefined,
    number: readNumber(header),
    issuedOn: readIssuedOn(header),
  };
}

/** "Căn cứ", also as OCR writes it ("Céan cu"). */
function isBasisStart(text: string): boolean {
  const [first, second] = foldOcr(text).split(' ');
  return first !== undefined && editDistance(first, 'can') <= 1 && second === 'cu';
}

// The place-and-date line ("Quảng Ngãi, ngày 15 tháng 4 năm 2024"): a date inside the title ("… Chỉ thị số 13/CT-TTg
// ngày 02 tháng 5 năm 2024 …") is part of the title, not the date the plan was issued.
const DATE_LINE = /^(?:[a-z ]{0,40} )?ngay \d{1,2} thang \d{1,2} nam \d{4}$/;
const BOILERPLATE = [/^so\b/, /^cong hoa xa hoi/, /^doc lap\b/, DATE_LINE];

function readTitle(header: readonly string[]): string {
  const keHoach = header.findIndex((t) => foldOcr(t) === 'ke hoach');
  const blocks: string[][] = [[]];
  for (const text of keHoach >= 0 ? header.slice(keHoach + 1) : header) {
    const folded = foldOcr(text);
    if (folded === '' || /^[\s\-–—_=*.]+$/.test(text)) blocks.push([]);
    else if (!BOILERPLATE.some((re) => re.test(folded))) blocks[blocks.length - 1]!.push(text);
  }
  const filled = blocks.filter((b) => b.length > 0);
  const block = keHoach >= 0 ? filled[0] : filled[filled.length - 1];
  if (!block) return '';
  const title = sentenceCase(joinText(block)).replace(/[\s.:;,]+$/, '');
  return keHoach >= 0 ? `Kế hoạch ${title.charAt(0).toLocaleLowerCase('vi')}${title.slice(1)}` : title;
}

function readNumber(header: readonly string[]): string | undefined {
  for (const text of header) {
    const m = /^S\S{0,2}\s*:\s*(\d+\/\S+)/u.exec(text);
    if (m && foldOcr(text).startsWith('so ')) return m[1];
  }
  return undefined;
}

function readIssuedOn(header: readonly string[]): string | undefined {
  for (const text of header) {
    if (!DATE_LINE.test(foldOcr(text))) continue;
    const m = /ng[a-z]{1,2}y\s+(\d{1,2})\s+th[a-z]{1,2}ng\s+(\d{1,2})\s+n[a-z]{1,3}m\s+(\d{4})/.exec(foldAligned(text));
    const date = m ? makeDate(Number(m[3]), Number(m[2]), Number(m[1])) : null;
    if (date) return date;
  }
  return undefined;
}
