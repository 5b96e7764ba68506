/** The machine-readable exports of a plan: /exports/<plan-id>.json and .csv. */
import { writeCsv } from '../data/csv';
import { countByKey, countByStatus, totalOf, type PlanState, type StatusCounts } from '../status/evaluate';
import { compareIds } from '../text';
import { STATUS_LABELS, type DerivedStatus } from '../status/status';

/** One task as exported. */
export interface ExportTask {
  id: string;
  section: string;
  title: string;
  status: DerivedStatus;
  /** The final deadline, YYYY-MM-DD. */
  due: string;
  /** The plan's own wording of the timeline. */
  timeline: string;
  percent: number | null;
  /** Date of the latest report on or before as_of, or null. */
  last_report: string | null;
  lead_units: string[];
  support_units: string[];
  directed_by: string[];
}

/** Counts for one group of tasks. */
export interface ExportCounts {
  total: number;
  by_status: StatusCounts;
}

/** The JSON export of a plan. */
export interface PlanExport {
  as_of: string;
  plan: {
    id: string;
    year: number;
    title: string;
    number: string | null;
    issued_on: string | null;
    sections: { id: string; title: string; parent: string | null }[];
  };
  tasks: ExportTask[];
  summary: ExportCounts & { by_section: Record<string, ExportCounts>; by_unit: Record<string, ExportCounts> };
}

/** Builds the JSON export of a judged plan; a task counts once for each of its lead units. */
export function buildPlanExport(state: PlanState): PlanExport {
  const { plan } = state;
  const tasks = [...state.tasks].sort((a, b) => compareIds(a.task.id, b.task.id));
  return {
    as_of: state.asOf,
    plan: {
      id: plan.id,
      year: plan.year,
      title: plan.title,
      number: plan.number ?? null,
      issued_on: plan.issuedOn ?? null,
      sections: plan.sections.map((s) => ({ id: s.id, title: s.title, parent: s.parent ?? null })),
    },
    tasks: tasks.map((t) => ({
      id: t.task.id,
      section: t.task.section,
      title: t.task.title,
      status: t.status,
      due: t.task.due.final,
      timeline: t.task.timeline,
      percent: t.percent ?? null,
      last_report: t.lastReport ?? null,
      lead_units: t.task.leadUnits,
      support_units: t.task.supportUnits,
      directed_by: t.task.directedBy,
    })),
    summary: {
      ...counts(countByStatus(tasks)),
      by_section: mapCounts(countByKey(tasks, (t) => [t.task.section])),
      by_unit: mapCounts(countByKey(tasks, (t) => t.task.leadUnits)),
    },
  };
}

function counts(byStatus: StatusCounts): ExportCounts {
  return { total: totalOf(byStatus), by_status: byStatus };
}

function mapCounts(map: Map<string, StatusCounts>): Record<string, ExportCounts> {
  return Object.fromEntries([...map].sort(([a], [b]) => compareIds(a, b)).map(([k, v]) => [k, counts(v)]));
}

/** Column names of the CSV export. */
export const EXPORT_CSV_HEADER = [
  'plan',
  'id',
  'section',
  'title',
  'status',
  'status_label',
  'due',
  'timeline',
  'percent',
  'last_report',
  'lead_units',
  'support_units',
  'directed_by',
] as const;

/** The task rows of the CSV and workbook exports, a cell per column of EXPORT_CSV_HEADER. */
export function exportRows(data: PlanExport): (string | number | null)[][] {
  return data.tasks.map((t) => [
    data.plan.id,
    t.id,
    t.section,
    t.title,
    t.status,
    STATUS_LABELS[t.status],
    t.due,
    t.timeline,
    t.percent,
    t.last_report,
    t.lead_units.join(';'),
    t.support_units.join(';'),
    t.directed_by.join(';'),
  ]);
}

/** Writes the CSV export: the same task rows as the JSON, UTF-8 with a BOM for Excel. */
export function writePlanCsv(data: PlanExport): string {
  return writeCsv(EXPORT_CSV_HEADER, exportRows(data));
}
