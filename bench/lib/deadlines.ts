/** Due expressions for synthetic tasks, with the plan's wording of the timeline, chosen so a task can end in any status. */
import { addDays, makeDate, type IsoDate } from '../../src/lib/dates';
import { parseDue } from '../../src/lib/data/due';
import type { Random } from './random';
import { ROMAN } from './vocabulary';

/** A task's due expression, its timeline wording and the final deadline it stands for. */
export interface Deadline {
  due: string;
  timeline: string;
  final: IsoDate;
}

type Maker = (rng: Random, y: number) => [due: string, timeline: string];

const quarter = (q: number) => ROMAN[q - 1]!;

// Final deadlines on or after 31 December: such a task can still be in progress or not started at the as-of date.
const FUTURE: readonly (readonly [Maker, number])[] = [
  [(_, y) => ['ongoing', `Thường xuyên trong năm ${y}`], 4],
  [(_, y) => [`${y}-Q4`, `Quý IV năm ${y}`], 2],
  [(_, y) => [`${y}-12`, `Tháng 12/${y}`], 1],
  [(_, y) => [`31/12/${y}`, `Trước ngày 31/12/${y}`], 1],
  [(_, y) => [`${y + 1}-Q1`, `Quý I năm ${y + 1}`], 1],
  [(_, y) => [`${y + 1}-06`, `Tháng 6/${y + 1}`], 0.5],
  [(_, y) => [`${y}-Q2;${y}-Q4`, `Quý II, IV năm ${y}`], 1],
  [(_, y) => [`${y}-06;ongoing`, `Tháng 6/${y}; các nội dung còn lại thực hiện thường xuyên trong năm ${y}`], 1],
  [(_, y) => [`${y}-Q1;${y}-Q2;${y}-Q3;${y}-Q4`, `Hằng quý trong năm ${y}`], 1],
];

// Final deadlines by 30 November: such a task can be overdue or done late by the as-of date (26 December).
const PAST: readonly (readonly [Maker, number])[] = [
  [
    (rng, y) => {
      const q = rng.int(1, 3);
      return [`${y}-Q${q}`, `Quý ${quarter(q)} năm ${y}`];
    },
    3,
  ],
  [
    (rng, y) => {
      const m = rng.int(2, 11);
      return [`${y}-${String(m).padStart(2, '0')}`, `Tháng ${m}/${y}`];
    },
    2,
  ],
  [
    (rng, y) => {
      const m = rng.int(2, 11);
      const d = rng.int(1, 28);
      const due = rng.chance(0.5) ? `${d}/${m}/${y}` : makeDate(y, m, d)!;
      return [due, `Trước ngày ${d}/${m}/${y}`];
    },
    2,
  ],
  [(_, y) => [`${y}-03;${y}-Q3`, `Tháng 3/${y}; hoàn thành trong Quý III năm ${y}`], 1],
  [(_, y) => [`${y}-Q1;${y}-Q2`, `Quý I, II năm ${y}`], 1],
];

function make(rng: Random, year: number, makers: readonly (readonly [Maker, number])[]): Deadline {
  const [due, timeline] = rng.weighted(makers)(rng, year);
  const parsed = parseDue(due, year);
  if (!parsed.ok) throw new Error(`synthetic due ${due} does not parse: ${parsed.message}`);
  return { due, timeline, final: parsed.due.final };
}

/** A deadline on or after the end of the plan year. */
export function futureDeadline(rng: Random, year: number): Deadline {
  return make(rng, year, FUTURE);
}

/** A deadline by the end of November of the plan year. */
export function pastDeadline(rng: Random, year: number): Deadline {
  return make(rng, year, PAST);
}

/** A day between two dates, both included. */
export function dayBetween(rng: Random, from: IsoDate, to: IsoDate): IsoDate {
  const span = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
  return addDays(from, rng.int(0, Math.max(0, span)));
}
