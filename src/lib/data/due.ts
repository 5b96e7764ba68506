/** Due expressions: when a task must be done, as written in tasks.csv (`2024-Q2`, `ongoing`, `30/6/2024;2024-12`). */
import { daysInMonth, makeDate, parseDate, type IsoDate } from '../dates';

/** One deadline of a task; the last milestone is the final deadline. */
export interface Milestone {
  /** The expression as written, e.g. `2024-Q2`. */
  expr: string;
  /** The deadline it stands for. */
  date: IsoDate;
  /** What kind of expression it was. */
  kind: 'date' | 'month' | 'quarter' | 'ongoing';
}

/** A parsed due expression: its milestones in the order written, and the final deadline. */
export interface Due {
  milestones: Milestone[];
  final: IsoDate;
}

/** The result of parsing: the due dates, or a message saying what was wrong. */
export type DueResult = { ok: true; due: Due } | { ok: false; message: string };

const MONTH = /^(\d{4})-(\d{1,2})$/;
const QUARTER = /^(\d{4})-[Qq]([1-4])$/;

/** Parses one due expression; `ongoing` means the end of the plan's year. */
export function parseDue(expr: string, planYear: number): DueResult {
  const parts = expr
    .split(';')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length === 0) return { ok: false, message: 'is empty' };
  const milestones: Milestone[] = [];
  for (const part of parts) {
    const milestone = parseMilestone(part, planYear);
    if (!milestone) {
      return {
        ok: false,
        message: `part "${part}" is not a date (YYYY-MM-DD or DD/MM/YYYY), a month (YYYY-MM), a quarter (YYYY-Qn) or "ongoing"`,
      };
    }
    milestones.push(milestone);
  }
  for (let i = 1; i < milestones.length; i++) {
    if (milestones[i]!.date < milestones[i - 1]!.date) {
      return {
        ok: false,
        message: `milestone "${milestones[i]!.expr}" comes before "${milestones[i - 1]!.expr}"; list milestones in date order`,
      };
    }
  }
  return { ok: true, due: { milestones, final: milestones[milestones.length - 1]!.date } };
}

function parseMilestone(part: string, planYear: number): Milestone | null {
  if (part.toLowerCase() === 'ongoing') {
    return { expr: part, date: makeDate(planYear, 12, 31)!, kind: 'ongoing' };
  }
  const quarter = QUARTER.exec(part);
  if (quarter) {
    const year = Number(quarter[1]);
    const month = Number(quarter[2]) * 3;
    return { expr: part, date: makeDate(year, month, daysInMonth(year, month))!, kind: 'quarter' };
  }
  const month = MONTH.exec(part);
  if (month) {
    const year = Number(month[1]);
    const m = Number(month[2]);
    if (m < 1 || m > 12) return null;
    return { expr: part, date: makeDate(year, m, daysInMonth(year, m))!, kind: 'month' };
  }
  const date = parseDate(part);
  return date ? { expr: part, date, kind: 'date' } : null;
}
