/** Status counts split by section or by unit: the numbers behind the stacked bars. */
import { countByStatus, totalOf, type PlanState, type StatusCounts, type TaskState } from './evaluate';
import type { Unit } from '../data/model';

/** One bar of a stacked status chart. */
export interface StatusRow {
  /** The section or unit id. */
  key: string;
  /** A short label for the chart axis (section id, unit short name). */
  label: string;
  /** The full name for tables and tooltips. */
  title: string;
  counts: StatusCounts;
  total: number;
}

/** Per-section counts of the tasks placed directly in each section, in plan order; sections without tasks left out. */
export function sectionStatusRows(state: PlanState): StatusRow[] {
  const rows: StatusRow[] = [];
  for (const section of state.plan.sections) {
    const tasks = state.tasks.filter((t) => t.task.section === section.id);
    if (tasks.length === 0) continue;
    rows.push(rowOf(section.id, section.id, section.title, tasks));
  }
  return rows;
}

/** Per-unit counts of the tasks each unit leads, in the order units are given; units that lead nothing left out. */
export function unitStatusRows(units: readonly Unit[], tasks: readonly TaskState[]): StatusRow[] {
  const rows: StatusRow[] = [];
  for (const unit of units) {
    const led = tasks.filter((t) => t.task.leadUnits.includes(unit.id));
    if (led.length === 0) continue;
    rows.push(rowOf(unit.id, unit.shortName, unit.name, led));
  }
  return rows;
}

function rowOf(key: string, label: string, title: string, tasks: readonly TaskState[]): StatusRow {
  const counts = countByStatus(tasks);
  return { key, label, title, counts, total: totalOf(counts) };
}
