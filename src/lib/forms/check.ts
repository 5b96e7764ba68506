/**
 * Checking a returned form against the round and the data: the heading is the one generated for this period and
 * unit, every locked cell is as generated (its check in the hidden column), every task is one the unit leads, and
 * what the unit filled in is a report the data accepts. Problems name the cell; good rows become new reports.
 */
import { formatDateVi, parseDate, type IsoDate } from '../dates';
import type { Task, Unit } from '../model';
import { errorAt, quote, type DataIssue } from '../problems';
import { parsePercent, parseReportedStatus } from '../schema';
import { REPORTED_LABELS, REPORTED_STATUSES, type ReportedStatus } from '../status';
import { cleanMultiline, cleanText } from '../text';
import { cellText } from '../workbook/sheet';
import { cellCheck, formCode, LOCKED_COLUMNS, lockedValue, type Hash } from './layout';
import { periodCutoff, periodId, periodLabel, samePeriod, type Period } from './period';
import { cellOrigin, textOfCell, type FormCell, type ReturnedForm, type ReturnedRow } from './read';

/** What a form is checked against. */
export interface RoundContext {
  period: Period;
  hash: Hash;
  units: ReadonlyMap<string, Unit>;
  /** Each live plan's tasks, by plan id then task id. */
  tasks: ReadonlyMap<string, ReadonlyMap<string, Task>>;
  /** The reports already in the data, as reportKey gives them. */
  reported: ReadonlySet<string>;
}

/** A report a form adds, with the row it came from. */
export interface NewReport {
  planId: string;
  taskId: string;
  asOf: IsoDate;
  status: ReportedStatus;
  percent: number | undefined;
  completedOn: IsoDate | undefined;
  note: string;
  reportedBy: string;
  /** The form row it came from, for messages. */
  row: number;
}

/** What one form gives: its unit, the reports to add, those already in the data, blank rows and every problem. */
export interface FormOutcome {
  file: string;
  unit: Unit | undefined;
  reports: NewReport[];
  already: NewReport[];
  blank: number;
  issues: DataIssue[];
}

/** The key that makes a report the same report: its plan, task, date and unit. */
export function reportKey(r: {
  planId: string;
  taskId: string;
  asOf: IsoDate;
  reportedBy?: string | undefined;
}): string {
  return [r.planId, r.taskId, r.asOf, r.reportedBy ?? ''].join('\u0000');
}

const STATUS_LIST = REPORTED_STATUSES.map((s) => REPORTED_LABELS[s]).join(', ');

/** Checks a returned form; its reports are those of rows without problems. */
export function checkForm(form: ReturnedForm, ctx: RoundContext): FormOutcome {
  const outcome: FormOutcome = {
    file: form.place.file,
    unit: undefined,
    reports: [],
    already: [],
    blank: 0,
    issues: [],
  };
  const unit = checkHeading(form, ctx, outcome.issues);
  if (!unit) return outcome;
  outcome.unit = unit;
  const seen = new Map<string, number>();
  for (const row of form.rows) {
    const report = checkRow(form, row, unit, ctx, outcome.issues, seen);
    if (report === 'blank') outcome.blank++;
    else if (report) (ctx.reported.has(reportKey(report)) ? outcome.already : outcome.reports).push(report);
  }
  return outcome;
}

function checkHeading(form: ReturnedForm, ctx: RoundContext, issues: DataIssue[]): Unit | undefined {
  const at = (cell: FormCell) => cellOrigin(form.place, cell);
  const missing = ['unitId', 'period', 'cutoff', 'returnBy', 'code'].filter((k) => !form[k as keyof ReturnedForm]);
  if (missing.length > 0 || !form.unitId || !form.period || !form.cutoff || !form.returnBy || !form.code) {
    issues.push(
      errorAt(
        { file: form.place.file },
        'form-heading',
        `the form's heading has lost rows (Mã đơn vị, Kỳ báo cáo, Số liệu tính đến ngày, Hạn gửi lại, Mã biểu mẫu); return the form as it was sent`,
      ),
    );
    return undefined;
  }
  const unitId = textOfCell(form.unitId);
  const unit = ctx.units.get(unitId);
  const { value: period, cell: periodCell } = form.period;
  const code = formCode(
    ctx.hash,
    { period: period ? periodId(period) : '', unit: unitId },
    form.cutoff.value ?? '',
    form.returnBy.value ?? '',
  );
  if (!period || code !== textOfCell(form.code)) {
    issues.push(
      errorAt(
        at(form.code),
        'form-heading',
        `"Mã biểu mẫu" does not match the heading (Mã đơn vị, Kỳ báo cáo and the dates were changed, or the code was); return the form as it was sent, or ask the office for a new one`,
      ),
    );
    return undefined;
  }
  if (!unit) {
    issues.push(
      errorAt(
        at(form.unitId),
        'unknown-unit',
        `"Mã đơn vị" ${quote(unitId)} is not a unit in units; the unit may have been removed since the form was made`,
      ),
    );
    return undefined;
  }
  if (!samePeriod(period, ctx.period)) {
    issues.push(
      errorAt(
        at(periodCell),
        'form-period',
        `is the form of ${periodLabel(period)}, not of this round (${periodLabel(ctx.period)}); collect it with --period ${periodId(period)}, or have the unit fill in this month's form`,
      ),
    );
    return undefined;
  }
  return unit;
}

type RowResult = NewReport | 'blank' | undefined;

function checkRow(
  form: ReturnedForm,
  row: ReturnedRow,
  unit: Unit,
  ctx: RoundContext,
  issues: DataIssue[],
  seen: Map<string, number>,
): RowResult {
  const { cells } = row;
  const at = (cell: FormCell) => cellOrigin(form.place, cell);
  const planId = textOfCell(cells.plan);
  const taskId = textOfCell(cells.task);
  const task = ctx.tasks.get(planId)?.get(taskId);
  if (!task || !task.leadUnits.includes(unit.id)) {
    const why = task
      ? `is led by ${task.leadUnits.join(', ')}, not by ${unit.id}`
      : `is not a task of a plan in data/plans`;
    issues.push(
      errorAt(
        at(cells.task),
        'not-lead',
        `"Mã nhiệm vụ": task ${quote(`${planId} ${taskId}`)} ${why}; a unit reports only on the tasks it leads`,
      ),
    );
    return undefined;
  }
  if (!checkLocked(form, row, unit, ctx, issues)) return undefined;
  const key = `${planId}\u0000${taskId}`;
  if (seen.has(key)) {
    issues.push(
      errorAt(
        at(cells.task),
        'duplicate-row',
        `"Mã nhiệm vụ": task ${quote(`${planId} ${taskId}`)} is in the form twice (first at row ${seen.get(key)}); keep one row`,
      ),
    );
    return undefined;
  }
  seen.set(key, row.row);
  if (!cells.status.value && !cells.percent.value && !cells.completed_on.value && !cells.note.value) return 'blank';
  return readFilled(form, row, unit, ctx, issues, task);
}

// Each locked cell against its check; false (with a problem for each changed cell) when any was changed.
function checkLocked(
  form: ReturnedForm,
  row: ReturnedRow,
  unit: Unit,
  ctx: RoundContext,
  issues: DataIssue[],
): boolean {
  const checks = textOfCell(row.cells.check).split('.');
  const key = { period: periodId(ctx.period), unit: unit.id };
  const task = { plan: textOfCell(row.cells.plan), task: textOfCell(row.cells.task) };
  if (checks.length !== LOCKED_COLUMNS.length) {
    issues.push(
      errorAt(
        cellOrigin(form.place, row.cells.task),
        'form-row',
        `this row is not one of the rows the form was sent with (its hidden "Mã kiểm tra" is ${checks[0] ? 'changed' : 'empty'}); rows cannot be added: report on the rows as sent`,
      ),
    );
    return false;
  }
  let ok = true;
  LOCKED_COLUMNS.forEach(([column, label], i) => {
    const cell = row.cells[column];
    if (cellCheck(ctx.hash, key, task, column, lockedValueOf(column, cell)) === checks[i]) return;
    ok = false;
    const now = cell.value ? quote(cellText(cell.value)) : 'empty';
    issues.push(
      errorAt(
        cellOrigin(form.place, cell),
        'form-locked',
        `"${label}" is a locked cell and was changed (it is now ${now}); undo the change, or ask the office for a new form`,
      ),
    );
  });
  return ok;
}

function lockedValueOf(column: (typeof LOCKED_COLUMNS)[number][0], cell: FormCell): string {
  return lockedValue(column, cell.value);
}

// The filled-in cells as a report; undefined (with a problem for each bad cell) when any is wrong.
function readFilled(
  form: ReturnedForm,
  row: ReturnedRow,
  unit: Unit,
  ctx: RoundContext,
  issues: DataIssue[],
  task: Task,
): NewReport | undefined {
  const { cells } = row;
  const problems: [FormCell, string, string][] = [];
  const statusText = textOfCell(cells.status);
  const status = statusText === '' ? undefined : parseReportedStatus(statusText);
  if (statusText === '')
    problems.push([
      cells.status,
      'invalid-value',
      '"Tình trạng" is empty while other cells of the row are filled in; choose a status from the list',
    ]);
  else if (!status)
    problems.push([
      cells.status,
      'invalid-value',
      `"Tình trạng" ${quote(statusText)} is not in the list: ${STATUS_LIST}`,
    ]);
  const percent = readPercent(cells.percent);
  if (percent === null)
    problems.push([
      cells.percent,
      'invalid-value',
      `"Tiến độ (%)" ${quote(cellText(cells.percent.value!))} is not a whole number from 0 to 100`,
    ]);
  const completedOn = readDate(cells.completed_on);
  const cutoff = periodCutoff(ctx.period);
  if (completedOn === null)
    problems.push([
      cells.completed_on,
      'invalid-value',
      `"Ngày hoàn thành" ${quote(cellText(cells.completed_on.value!))} is not a date (write it as DD/MM/YYYY, a day that exists)`,
    ]);
  else if (completedOn && completedOn > cutoff)
    problems.push([
      cells.completed_on,
      'after-cutoff',
      `"Ngày hoàn thành" ${formatDateVi(completedOn)} is after the cut-off ${formatDateVi(cutoff)} of ${periodLabel(ctx.period)}; report it in the next month's form`,
    ]);
  if (status === 'done' && !cells.completed_on.value)
    problems.push([
      cells.completed_on,
      'done-without-date',
      `"Ngày hoàn thành" is empty for a task reported as ${REPORTED_LABELS.done}; give the day it was completed`,
    ]);
  if (status && status !== 'done' && cells.completed_on.value)
    problems.push([
      cells.completed_on,
      'date-not-done',
      `"Ngày hoàn thành" is filled in but "Tình trạng" is ${REPORTED_LABELS[status]}; clear the date, or choose ${REPORTED_LABELS.done}`,
    ]);
  if (status === 'done' && typeof percent === 'number' && percent < 100)
    problems.push([
      cells.percent,
      'done-below-100',
      `"Tiến độ (%)" ${percent} is below 100 for a task reported as ${REPORTED_LABELS.done}`,
    ]);
  for (const [cell, code, message] of problems) issues.push(errorAt(cellOrigin(form.place, cell), code, message));
  if (problems.length > 0 || !status) return undefined;
  return {
    planId: task.planId,
    taskId: task.id,
    asOf: cutoff,
    status,
    percent: percent ?? (status === 'done' ? 100 : undefined),
    completedOn: completedOn ?? undefined,
    note: cells.note.value ? cleanMultiline(cellText(cells.note.value)) : '',
    reportedBy: unit.id,
    row: row.row,
  };
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
