/** Calendar dates as ISO strings (YYYY-MM-DD): parsing Vietnamese forms, arithmetic and display. */

/** A calendar date written YYYY-MM-DD; such strings sort in date order. */
export type IsoDate = string;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const VIET = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in a month of a year, leap years included (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  // Arithmetic, not a Date object: loading asks this for every date cell. Date.UTC reads years 0–99 as 19xx; keep that for them.
  if (month >= 1 && month <= 12 && year >= 100) {
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    return month === 2 && leap ? 29 : MONTH_DAYS[month - 1]!;
  }
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Builds an IsoDate, or null if the day does not exist (31/02, 29/02 in a common year). */
export function makeDate(year: number, month: number, day: number): IsoDate | null {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

// Loading parses about 250,000 date cells holding a few hundred distinct dates: each text is parsed once.
const parsed = new Map<string, IsoDate | null>();
const MAX_REMEMBERED = 10_000;

/** Parses YYYY-MM-DD or DD/MM/YYYY (leading zeros optional); null when malformed or impossible. */
export function parseDate(text: string): IsoDate | null {
  let date = parsed.get(text);
  if (date === undefined) {
    date = parseDateText(text);
    if (parsed.size >= MAX_REMEMBERED) parsed.clear();
    parsed.set(text, date);
  }
  return date;
}

function parseDateText(text: string): IsoDate | null {
  const value = text.trim();
  const iso = ISO.exec(value);
  if (iso) return makeDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const viet = VIET.exec(value);
  if (viet) return makeDate(Number(viet[3]), Number(viet[2]), Number(viet[1]));
  return null;
}

/** Formats an IsoDate as Vietnamese documents write it: DD/MM/YYYY. */
export function formatDateVi(date: IsoDate): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}

/** Whole days from a to b (positive when b is later). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((toUtc(b) - toUtc(a)) / 86_400_000);
}

/** The date n days after (or before, when negative) the given one. */
export function addDays(date: IsoDate, n: number): IsoDate {
  return new Date(toUtc(date) + n * 86_400_000).toISOString().slice(0, 10);
}

/** Today's date in Vietnam (Asia/Ho_Chi_Minh), whatever the machine's time zone. */
export function todayInVietnam(now: Date = new Date()): IsoDate {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(now);
}

/** The year of an IsoDate. */
export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

function toUtc(date: IsoDate): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y!, m! - 1, d!);
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
