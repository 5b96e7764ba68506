/** The domain model: what the data says once read and checked. */
import type { IsoDate } from '../dates';
import type { Due } from './due';

/** What a unit reports: the three states of progress.csv. */
export const REPORTED_STATUSES = ['not_started', 'in_progress', 'done'] as const;
/** A reported status. */
export type ReportedStatus = (typeof REPORTED_STATUSES)[number];

/** Site-wide settings from site.json. */
export interface Site {
  organization: string;
  title: string;
  /** The date every live plan is judged at. */
  asOf: IsoDate;
  /** Whether asOf came from site.json or from the build date. */
  asOfSource: 'data' | 'build-date';
  /** Days without a report after which a unit is listed as not reporting. */
  staleReportDays: number;
}

/** A unit (phòng, ban, đơn vị) that leads or supports tasks. */
export interface Unit {
  id: string;
  name: string;
  shortName: string;
}

/** A directing leader (Chánh Văn phòng, Lãnh đạo Văn phòng …). */
export interface Leader {
  id: string;
  title: string;
}

/** A part of a plan (I, II, II.1 …). */
export interface Section {
  id: string;
  title: string;
  parent?: string | undefined;
  /** Markdown source. */
  summary?: string | undefined;
}

/** One task of a plan. */
export interface Task {
  planId: string;
  id: string;
  section: string;
  title: string;
  /** Markdown source. */
  content: string;
  directedBy: string[];
  leadUnits: string[];
  /** Unit ids; every unit when the data says `*`. */
  supportUnits: string[];
  /** True when support_units was `*`. */
  supportAll: boolean;
  /** The plan's own wording of the timeline. */
  timeline: string;
  /** The due expression as written. */
  dueExpr: string;
  due: Due;
}

/** One progress report on a task. */
export interface Report {
  planId: string;
  taskId: string;
  asOf: IsoDate;
  status: ReportedStatus;
  percent?: number | undefined;
  completedOn?: IsoDate | undefined;
  /** Markdown source. */
  note: string;
  reportedBy?: string | undefined;
}

/** A plan with its sections, tasks and reports. */
export interface Plan {
  id: string;
  year: number;
  /** The last year of a plan over several years (2025–2030 → 2030). */
  endYear?: number | undefined;
  title: string;
  number?: string | undefined;
  issuedOn?: IsoDate | undefined;
  basis?: string | undefined;
  summary?: string | undefined;
  sections: Section[];
  /** What the plan asks of each unit, shown on the unit's page. */
  duties?: Duty[] | undefined;
  tasks: Task[];
  reports: Report[];
}

/** A unit's responsibilities under a plan ("Tổ chức thực hiện: 1. Sở Công Thương: …"). */
export interface Duty {
  unit: string;
  /** Markdown source. */
  text: string;
}

/** The office's own words for a period's report (data/reports/<period>.md). */
export interface ReportText {
  /** The period id, e.g. `2024-q3`. */
  period: string;
  /** Where it was read from. */
  file: string;
  /** Markdown source. */
  text: string;
}

/** Everything under data/. */
export interface Dataset {
  site: Site;
  units: Unit[];
  leaders: Leader[];
  plans: Plan[];
  /** Report texts from data/reports/ (none when the folder is absent). */
  reportTexts?: ReportText[] | undefined;
  /** An archived year only: plans over several years frozen at the year's end while they go on (archive/<year>/continuing/). */
  continuing?: Plan[] | undefined;
}
