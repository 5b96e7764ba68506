/** The monthly forms of a period: one per unit that leads unfinished tasks, one row per such task with its last report. */
import type { IsoDate } from '../dates';
import { evaluatePlan, type TaskState } from '../status/evaluate';
import type { Plan, Unit } from '../data/model';
import { REPORTED_LABELS } from '../status/status';
import { compareIds, compareVi } from '../text';
import { numberText } from '../data/workbook/sheet';
import { cellCheck, formCode, LOCKED_COLUMNS, NO_REPORT, type FormKey, type Hash, type LockedColumn } from './layout';
import { periodCutoff, periodId, type Period } from './period';

/** One row of a form: a task the unit leads, as its last report left it, and the checks of those locked cells. */
export interface FormRow {
  /** The locked cells' values, by column. */
  locked: Record<LockedColumn, string>;
  /** The due date (the task's final deadline). */
  due: IsoDate;
  /** The last reported percent, if any. */
  lastPercent: number | undefined;
  /** The checks of the locked cells, joined by "." in LOCKED_COLUMNS order (the hidden column). */
  check: string;
}

/** A unit's form for a period. */
export interface UnitForm {
  period: Period;
  unit: Unit;
  /** The date the reports are as of: the period's last day. */
  cutoff: IsoDate;
  /** When the form is due back. */
  returnBy: IsoDate;
  /** The form's code, shown in its heading. */
  code: string;
  rows: FormRow[];
}

/** The forms of a period: for each unit leading tasks not done at the cut-off (judged on the reports so far), in name order. */
export function buildUnitForms(
  plans: readonly Plan[],
  units: readonly Unit[],
  period: Period,
  returnBy: IsoDate,
  hash: Hash,
): UnitForm[] {
  const cutoff = periodCutoff(period);
  const rowsByUnit = new Map<string, FormRow[]>();
  const sorted = [...plans].sort((a, b) => compareIds(a.id, b.id));
  for (const plan of sorted) {
    const state = evaluatePlan(plan, cutoff);
    const tasks = [...state.tasks].sort((a, b) => compareIds(a.task.id, b.task.id));
    for (const t of tasks) {
      if (t.status === 'done_on_time' || t.status === 'done_late') continue;
      for (const unit of new Set(t.task.leadUnits)) {
        const list = rowsByUnit.get(unit) ?? rowsByUnit.set(unit, []).get(unit)!;
        list.push(formRow(t, { period: periodId(period), unit }, hash));
      }
    }
  }
  return units
    .filter((u) => rowsByUnit.has(u.id))
    .sort((a, b) => compareVi(a.name, b.name))
    .map((unit) => ({
      period,
      unit,
      cutoff,
      returnBy,
      code: formCode(hash, { period: periodId(period), unit: unit.id }, cutoff, returnBy),
      rows: rowsByUnit.get(unit.id)!,
    }));
}

// A task's row of a unit's form: its locked cells as the last report left them, and their checks.
function formRow(t: TaskState, key: FormKey, hash: Hash): FormRow {
  const last = t.result.latest;
  const locked: Record<LockedColumn, string> = {
    plan: t.task.planId,
    task: t.task.id,
    title: t.task.title,
    due: t.task.due.final,
    last_status: last ? REPORTED_LABELS[last.status] : NO_REPORT,
    last_percent: t.percent === undefined ? '' : numberText(t.percent),
    last_note: last?.note ?? '',
  };
  const check = LOCKED_COLUMNS.map(([c]) => cellCheck(hash, key, locked, c, locked[c])).join('.');
  return { locked, due: t.task.due.final, lastPercent: t.percent, check };
}
