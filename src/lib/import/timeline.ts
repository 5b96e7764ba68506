/** Turning a plan's timeline wording into a due expression: "Quý II năm 2024" → `2024-Q2`, "Thường xuyên" → `ongoing`. */
import { makeDate } from '../dates';
import { parseDue } from '../data/due';
import { foldAligned, readRoman } from './fuzzy';

/** The due expression read from a timeline, or why none could be read. */
export type TimelineResult = { ok: true; due: string } | { ok: false; message: string };

interface Milestone {
  expr: string;
  /** The deadline it stands for, to put milestones in date order. */
  date: string;
}

/** The milestones found so far, and dates written that do not exist ("31/2/2024"). */
interface Found {
  milestones: Milestone[];
  invalid: string[];
}

/** Rules that find milestones in folded text; each blanks out what it read so later rules do not read it again. */
type Rule = (text: string, year: number, found: Found) => string;

const YEAR_AFTER = /^\s*(?:\/\s*|n[a-z]{1,3}m\s+)(\d{4})\b/;

/** Reads the timeline wording as a due expression for a plan of this year; milestones come out in date order. */
export function timelineToDue(timeline: string, year: number): TimelineResult {
  let text = foldAligned(timeline).replace(/[\r\n]+/g, ' ');
  const found: Found = { milestones: [], invalid: [] };
  for (const rule of RULES) text = rule(text, year, found);
  laterYear(text, found.milestones);
  const { milestones, invalid } = found;
  if (invalid.length > 0)
    return { ok: false, message: `names ${invalid.map((d) => JSON.stringify(d)).join(', ')}, not a day that exists` };
  if (milestones.length === 0) yearOnly(text, milestones);
  if (milestones.length === 0) {
    return { ok: false, message: 'names no date, month, quarter or "thường xuyên" (ongoing)' };
  }
  const unique = milestones.filter((m, i) => milestones.findIndex((o) => o.expr === m.expr) === i);
  const ongoingLast = (m: Milestone) => (m.expr === 'ongoing' ? 1 : 0);
  unique.sort((a, b) => a.date.localeCompare(b.date) || ongoingLast(a) - ongoingLast(b));
  const due = unique.map((m) => m.expr).join(';');
  const check = parseDue(due, year);
  return check.ok ? { ok: true, due } : { ok: false, message: `gives ${JSON.stringify(due)}, which ${check.message}` };
}

/** Finds every match of a pattern, records what it stands for (or that it is no real day), and blanks it out. */
function scan(
  pattern: RegExp,
  read: (m: RegExpExecArray, before: string) => Milestone[] | 'invalid' | undefined,
): Rule {
  return (text, _year, found) => {
    let out = text;
    for (const m of text.matchAll(pattern)) {
      const milestones = read(m, text.slice(0, m.index));
      if (!milestones) continue;
      if (milestones === 'invalid') found.invalid.push(m[0].trim());
      else found.milestones.push(...milestones);
      out = out.slice(0, m.index) + ' '.repeat(m[0].length) + out.slice(m.index + m[0].length);
    }
    return out;
  };
}

function dateMilestone(year: number, month: number, day: number): Milestone[] | 'invalid' {
  const date = makeDate(year, month, day);
  return date ? [{ expr: date, date }] : 'invalid';
}

function monthMilestone(year: number, month: number): Milestone[] | undefined {
  if (month < 1 || month > 12) return undefined;
  const expr = `${year}-${String(month).padStart(2, '0')}`;
  return [{ expr, date: `${expr}-99` }];
}

const QUARTER_TOKEN = String.raw`(?:[ivxlt1|!]{1,4}|[1-4])\b`;
const QUARTER = new RegExp(
  String.raw`\bq[a-z]{1,2}\s+(${QUARTER_TOKEN}(?:\s*(?:,|-|–|va|den|toi)\s*(?:q[a-z]{1,2}\s+)?${QUARTER_TOKEN})*)`,
  'g',
);

/** Reads "II, III, IV" or "2 - 4" (OCR may write "Il" or "ITI"); a range "II - IV" gives every quarter in it. */
function readQuarters(list: string): number[] | undefined {
  const tokens = list.split(/\s*(,|-|–|\bva\b|\bden\b|\btoi\b)\s*/).map((t) => t.replace(/^q[a-z]{1,2}\s+/, ''));
  const out: number[] = [];
  for (let i = 0; i < tokens.length; i += 2) {
    const token = tokens[i]!;
    const n = /^[1-4]$/.test(token) ? Number(token) : readRoman(token, /[lt1|!]/g);
    if (n === undefined || n < 1 || n > 4) return undefined;
    const isRange = i > 0 && /^(-|–|den|toi)$/.test(tokens[i - 1]!);
    const from = isRange ? out[out.length - 1]! + 1 : n;
    for (let q = from; q <= n; q++) out.push(q);
  }
  return out.length > 0 ? out : undefined;
}

function quarterRule(text: string, year: number, found: Found): string {
  return scan(QUARTER, (m) => {
    const quarters = readQuarters(m[1]!);
    const after = YEAR_AFTER.exec(text.slice(m.index + m[0].length));
    const y = after ? Number(after[1]) : year;
    return quarters?.map((q) => ({ expr: `${y}-Q${q}`, date: `${y}-${String(q * 3).padStart(2, '0')}-99` }));
  })(text, year, found);
}

/** "2024 - 2025", "2025–2030", "giai đoạn 2025-2030", "từ năm 2024 đến năm 2025": due by the end of the last year. */
const YEAR_RANGE =
  /\b(?:n[a-z]{1,3}m\s+)?((?:19|20)\d{2})\s*(?:-|–|—|\bd[a-z]{1,2}n\s+(?:h[a-z]{1,2}t\s+)?(?:n[a-z]{1,3}m\s+)?)\s*((?:19|20)\d{2})\b/g;

const RULES: Rule[] = [
  scan(YEAR_RANGE, (m) => {
    const [from, to] = [Number(m[1]), Number(m[2])];
    return to > from && to - from <= 10 ? monthMilestone(to, 12) : undefined;
  }),
  // ngày 30 tháng 6 năm 2024
  scan(/ng[a-z]{1,2}y\s+(\d{1,2})\s+th[a-z]{1,2}ng\s+(\d{1,2})\s+n[a-z]{1,3}m\s+(\d{4})/g, (m) =>
    dateMilestone(Number(m[3]), Number(m[2]), Number(m[1])),
  ),
  // 30/6/2024, 30-6-2024, 30.6.2024
  scan(/\b(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4})\b/g, (m) =>
    dateMilestone(Number(m[4]), Number(m[3]), Number(m[1])),
  ),
  // 6 tháng đầu năm / 6 tháng cuối năm
  (text, year, found) =>
    scan(/\b6\s+th[a-z]{1,2}ng\s+(d[a-z]{1,2}u|c[a-z]{1,3}i)\s+n[a-z]{1,3}m(?:\s+(\d{4}))?/g, (m) =>
      monthMilestone(m[2] ? Number(m[2]) : year, m[1]!.startsWith('d') ? 6 : 12),
    )(text, year, found),
  quarterRule,
  // tháng 5/2024, tháng 5 năm 2024, tháng 5; "trước tháng 6" is the end of May
  (text, year, found) =>
    scan(/\bth[a-z]{1,2}ng\s+(\d{1,2})(?:\s*\/\s*(\d{4})|\s+n[a-z]{1,3}m\s+(\d{4}))?/g, (m, before) => {
      const y = Number(m[2] ?? m[3] ?? year);
      const month = Number(m[1]);
      return /\btr[a-z]{1,3}c\s+$/.test(before)
        ? month === 1
          ? monthMilestone(y - 1, 12)
          : monthMilestone(y, month - 1)
        : monthMilestone(y, month);
    })(text, year, found),
  // 5/2024
  (text, year, found) =>
    scan(/\b(\d{1,2})\s*\/\s*(\d{4})\b/g, (m) => monthMilestone(Number(m[2]), Number(m[1])))(text, year, found),
  // thường xuyên, liên tục, hằng năm, hằng tháng, cả năm
  (text, year, found) =>
    scan(
      /\bth[a-z]{2,5}\s+x[a-z]{0,2}y[a-z]{0,2}n\b|\bli[a-z]{1,2}n\s+t[a-z]{1,2}c\b|\bh[a-z]{1,2}ng\s+(?:n[a-z]{1,3}m|th[a-z]{1,2}ng|qu[a-z]|tu[a-z]{1,2}n)\b|\bc[a-z]\s+n[a-z]{1,3}m\b/g,
      () => [{ expr: 'ongoing', date: `${year}-12-99` }],
    )(text, year, found),
];

/**
 * A year the rules left ("… 80% năm 2030", "cập nhật hằng quý đến 2030") that is later than every milestone found:
 * the end of that year is the final deadline. "trước (năm) 2030" is the end of 2029.
 */
function laterYear(text: string, found: Milestone[]): void {
  if (found.length === 0) return;
  const last = Math.max(...found.map((m) => Number(m.date.slice(0, 4))));
  const best = latestYear(text);
  if (best > last) found.push(...monthMilestone(best, 12)!);
}

/** The latest year named after "năm", "đến" or "trước" (the year before), or 0. */
function latestYear(text: string): number {
  let best = 0;
  for (const m of text.matchAll(
    /\b(?:(tr[a-z]{1,3}c)\s+(?:n[a-z]{1,3}m\s+)?|n[a-z]{1,3}m\s+|d[a-z]{1,2}n\s+(?:n[a-z]{1,3}m\s+)?)((?:19|20)\d{2})\b/g,
  ))
    best = Math.max(best, Number(m[2]) - (m[1] ? 1 : 0));
  return best;
}

/** "Trong năm 2024", or a year alone ("2025" in a table cell): by the end of that year (the latest year named). */
function yearOnly(text: string, found: Milestone[]): void {
  const latest = latestYear(text);
  const alone = /^\D*\b((?:19|20)\d{2})\b\D*$/.exec(text);
  const year = latest || (alone ? Number(alone[1]) : 0);
  if (year) found.push(...monthMilestone(year, 12)!);
}
