/** The cells a unit fills in on a form row, read as a report: status, percent, completion date and note, each checked. */
import { formatDateVi, parseDate, type IsoDate } from '../dates';
import { quote } from '../data/problems';
import { parsePercent, parseReportedStatus } from '../data/schema';
import { REPORTED_STATUSES, type ReportedStatus } from '../data/model';
import { REPORTED_LABELS } from '../status/status';
import { cleanMultiline, cleanText } from '../text';
import { cellText } from '../data/workbook/sheet';
import { periodCutoff, periodLabel, type Period } from './period';
import { textOfCell, type FormCell, type ReturnedRow } from './read';

/** A problem with a filled-in cell: the cell, a code and the message. */
export type CellProblem = [cell: FormCell, code: string, message: string];

/** The report a row's filled-in cells make. */
export interface FilledReport {
  asOf: IsoDate;
  status: ReportedStatus;
  percent: number | undefined;
  completedOn: IsoDate | undefined;
  note: string;
}

const STATUS_LIST = REPORTED_STATUSES.map((s) => REPORTED_LABELS[s]).join(', ');
const DONE = REPORTED_LABELS.done;

/** Reads a row's filled-in cells (at least one is filled); no report when any cell has a problem. */
export function readFilled(row: ReturnedRow, period: Period): { report?: FilledReport; problems: CellProblem[] } {
  const { cells } = row;
  const cutoff = periodCutoff(period);
  const status = readStatus(cells.status);
  const percent = readPercent(cells.percent);
  const completedOn = readDate(cells.completed_on);
  const problems: CellProblem[] = [];
  const add = (cell: FormCell, code: string, message: string) => problems.push([cell, code, message]);
  if (typeof status === 'string') add(cells.status, 'invalid-value', status);
  if (percent === null)
    add(cells.percent, 'invalid-value', `"Tiến độ (%)" ${shown(cells.percent)} is not a whole number from 0 to 100`);
  if (completedOn === null)
    add(
      cells.completed_on,
      'invalid-value',
      `"Ngày hoàn thành" ${shown(cells.completed_on)} is not a date (write it as DD/MM/YYYY, a day that exists)`,
    );
  else if (completedOn && completedOn > cutoff)
    add(
      cells.completed_on,
      'after-cutoff',
      `"Ngày hoàn thành" ${formatDateVi(completedOn)} is after the cut-off ${formatDateVi(cutoff)} of ${periodLabel(period)}; report it in the next month's form`,
    );
  const known = typeof status === 'object' ? status.status : undefined;
  if (known) problems.push(...combinationProblems(row, known, percent));
  if (problems.length > 0 || !known) return { problems };
  const note = cells.note.value ? cleanMultiline(cellText(cells.note.value)) : '';
  const report = {
    asOf: cutoff,
    status: known,
    percent: percent ?? (known === 'done' ? 100 : undefined),
    completedOn: completedOn ?? undefined,
    note,
  };
  return { report, problems };
}

// What the status says of the other cells: a date exactly when done, and 100% when done.
function combinationProblems(
  row: ReturnedRow,
  status: ReportedStatus,
  percent: number | undefined | null,
): CellProblem[] {
  const { completed_on: date, percent: percentCell } = row.cells;
  const problems: CellProblem[] = [];
  if (status === 'done' && !date.value)
    problems.push([
      date,
      'done-without-date',
      `"Ngày hoàn thành" is empty for a task reported as ${DONE}; give the day it was completed`,
    ]);
  if (status !== 'done' && date.value)
    problems.push([
      date,
      'date-not-done',
      `"Ngày hoàn thành" is filled in but "Tình trạng" is ${REPORTED_LABELS[status]}; clear the date, or choose ${DONE}`,
    ]);
  if (status === 'done' && typeof percent === 'number' && percent < 100)
    problems.push([
      percentCell,
      'done-below-100',
      `"Tiến độ (%)" ${percent} is below 100 for a task reported as ${DONE}`,
    ]);
  return problems;
}

// The status chosen, or the message saying why there is none.
function readStatus(cell: FormCell): { status: ReportedStatus } | string {
  const text = textOfCell(cell);
  if (text === '')
    return '"Tình trạng" is empty while other cells of the row are filled in; choose a status from the list';
  const status = parseReportedStatus(text);
  return status ? { status } : `"Tình trạng" ${quote(text)} is not in the list: ${STATUS_LIST}`;
}

// A percent cell: undefined when empty, null when not a whole number from 0 to 100 (a 75% cell reads as 75).
function readPercent(cell: FormCell): number | undefined | null {
  const value = cell.value;
  if (!value) return undefined;
  if (value.t === 'n') {
    const n = Number((value.pct ? value.v * 100 : value.v).toPrecision(15));
    return Number.isInteger(n) && n >= 0 && n <= 100 ? n : null;
  }
  return value.t === 's' ? parsePercent(cleanText(value.v)) : null;
}

// A date cell: undefined when empty, null when not a date.
function readDate(cell: FormCell): IsoDate | undefined | null {
  const value = cell.value;
  if (!value) return undefined;
  if (value.t === 'd') return value.v;
  return value.t === 's' ? parseDate(cleanText(value.v)) : null;
}

function shown(cell: FormCell): string {
  return quote(cell.value ? cellText(cell.value) : '');
}
