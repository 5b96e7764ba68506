/**
 * Checking a returned form against the round and the data: the heading is the one generated for this period and
 * unit, every locked cell is as generated (its check in the hidden column), every task is one the unit leads, and
 * what the unit filled in is a report the data accepts. Problems name the cell; good rows become new reports.
 */
import type { IsoDate } from '../dates';
import type { Task, Unit } from '../data/model';
import { errorAt, quote, type DataIssue } from '../data/problems';
import type { ReportedStatus } from '../data/model';
import { cellText } from '../data/workbook/sheet';
import { readFilled } from './filled';
import { cellCheck, formCode, LOCKED_COLUMNS, lockedValue, type Hash } from './layout';
import { periodId, periodLabel, samePeriod, type Period } from './period';
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
  const problem = headingProblem(form, ctx);
  if (typeof problem !== 'object' || !('id' in problem)) {
    const [cell, code, message] = problem;
    issues.push(errorAt(cell ? cellOrigin(form.place, cell) : { file: form.place.file }, code, message));
    return undefined;
  }
  return problem;
}

// The form's unit, or the problem with its heading: the cell (if any), the code and the message.
function headingProblem(form: ReturnedForm, ctx: RoundContext): Unit | [FormCell | undefined, string, string] {
  const { unitId, period, cutoff, returnBy, code } = form;
  if (!unitId || !period || !cutoff || !returnBy || !code)
    return [
      undefined,
      'form-heading',
      `the form's heading has lost rows (${HEADING_ROWS}); return the form as it was sent`,
    ];
  const id = textOfCell(unitId);
  const key = { period: period.value ? periodId(period.value) : '', unit: id };
  if (!period.value || formCode(ctx.hash, key, cutoff.value ?? '', returnBy.value ?? '') !== textOfCell(code))
    return [code, 'form-heading', CODE_MISMATCH];
  const unit = ctx.units.get(id);
  if (!unit)
    return [
      unitId,
      'unknown-unit',
      `"Mã đơn vị" ${quote(id)} is not a unit in units; the unit may have been removed since the form was made`,
    ];
  if (!samePeriod(period.value, ctx.period))
    return [
      period.cell,
      'form-period',
      `is the form of ${periodLabel(period.value)}, not of this round (${periodLabel(ctx.period)}); collect it with --period ${periodId(period.value)}, or have the unit fill in this month's form`,
    ];
  return unit;
}

const HEADING_ROWS = 'Mã đơn vị, Kỳ báo cáo, Số liệu tính đến ngày, Hạn gửi lại, Mã biểu mẫu';
const CODE_MISMATCH =
  '"Mã biểu mẫu" does not match the heading (Mã đơn vị, Kỳ báo cáo and the dates were changed, or the code was); return the form as it was sent, or ask the office for a new one';

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
  const filled = readFilled(row, ctx.period);
  for (const [cell, code, message] of filled.problems)
    issues.push(errorAt(cellOrigin(form.place, cell), code, message));
  if (!filled.report) return undefined;
  return { ...filled.report, planId: task.planId, taskId: task.id, reportedBy: unit.id, row: row.row };
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
