/** What changed between two published releases: tasks whose derived status changed and new progress reports, kept as a short history. */
import { z } from 'zod';
import type { IsoDate } from '../dates';
import { REPORTED_STATUSES, type Report, type ReportedStatus } from '../data/model';
import { DERIVED_STATUSES, type DerivedStatus } from './status';
import { compareIds } from '../text';

/** How many releases' changes a changes.json keeps (the newest first). */
export const HISTORY_LIMIT = 20;

/** A task whose derived status differs from the previous release; from null = a new task, to null = a task no longer in the data. */
export interface StatusChange {
  plan: string;
  plan_title: string;
  task: string;
  title: string;
  from: DerivedStatus | null;
  to: DerivedStatus | null;
}

/** A progress report that was not in the previous release. */
export interface NewReport {
  plan: string;
  task: string;
  title: string;
  as_of: IsoDate;
  status: ReportedStatus;
  percent: number | null;
  reported_by: string | null;
}

/** The changes one release brought. */
export interface ReleaseChanges {
  /** The release folder's name. */
  release: string;
  /** When it was published (ISO 8601, UTC). */
  published_at: string;
  /** The release it was compared with, or null for the first one. */
  previous: string | null;
  /** The live data's as-of date in this release. */
  as_of: IsoDate;
  status_changes: StatusChange[];
  new_reports: NewReport[];
}

/** changes.json: this release's changes first, then earlier ones, and a digest of every report for the next comparison. */
export interface ChangesFile {
  format: 1;
  history: ReleaseChanges[];
  /** One digest per progress report in this release (see reportDigestText). */
  report_digests: string[];
}

const nullable = <T extends z.ZodType>(t: T) => t.nullable();
const ReleaseChangesSchema = z.object({
  release: z.string(),
  published_at: z.string(),
  previous: nullable(z.string()),
  as_of: z.string(),
  status_changes: z.array(
    z.object({
      plan: z.string(),
      plan_title: z.string(),
      task: z.string(),
      title: z.string(),
      from: nullable(z.enum(DERIVED_STATUSES)),
      to: nullable(z.enum(DERIVED_STATUSES)),
    }),
  ),
  new_reports: z.array(
    z.object({
      plan: z.string(),
      task: z.string(),
      title: z.string(),
      as_of: z.string(),
      status: z.enum(REPORTED_STATUSES),
      percent: nullable(z.number()),
      reported_by: nullable(z.string()),
    }),
  ),
});
const ChangesFileSchema = z.object({
  format: z.literal(1),
  history: z.array(ReleaseChangesSchema),
  report_digests: z.array(z.string()),
});

/** Reads changes.json text; throws an Error saying what is wrong. */
export function parseChangesFile(text: string): ChangesFile {
  const result = ChangesFileSchema.safeParse(JSON.parse(text));
  if (!result.success)
    throw new Error(
      `not a changes file: ${result.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`,
    );
  return result.data;
}

/** The fields of a plan's JSON export that a comparison reads. */
export interface ExportedStatuses {
  plan: { id: string; title: string };
  tasks: { id: string; title: string; status: DerivedStatus }[];
}

/** Reads the part of an exports/<plan>.json a comparison needs; undefined when it is not a plan export. */
export function readExportedStatuses(value: unknown): ExportedStatuses | undefined {
  const schema = z.object({
    plan: z.object({ id: z.string(), title: z.string() }),
    tasks: z.array(z.object({ id: z.string(), title: z.string(), status: z.enum(DERIVED_STATUSES) })),
  });
  const result = schema.safeParse(value);
  return result.success ? result.data : undefined;
}

/** Tasks whose derived status differs between two sets of exports, by plan then task numbering. */
export function diffStatuses(previous: readonly ExportedStatuses[], next: readonly ExportedStatuses[]): StatusChange[] {
  const before = statusIndex(previous);
  const after = statusIndex(next);
  const changes: StatusChange[] = [];
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const a = before.get(key);
    const b = after.get(key);
    if (a?.status === b?.status) continue;
    const { plan, plan_title, task, title } = (b ?? a)!;
    changes.push({ plan, plan_title, task, title, from: a?.status ?? null, to: b?.status ?? null });
  }
  return changes.sort((x, y) => (x.plan < y.plan ? -1 : x.plan > y.plan ? 1 : compareIds(x.task, y.task)));
}

function statusIndex(exports: readonly ExportedStatuses[]) {
  const index = new Map<
    string,
    { plan: string; plan_title: string; task: string; title: string; status: DerivedStatus }
  >();
  for (const e of exports) {
    for (const t of e.tasks)
      index.set(`${e.plan.id}\u0000${t.id}`, {
        plan: e.plan.id,
        plan_title: e.plan.title,
        task: t.id,
        title: t.title,
        status: t.status,
      });
  }
  return index;
}

/** The text a report's digest is computed from: every field a reader sees, so a corrected report counts as new. */
export function reportDigestText(report: Report): string {
  const { planId, taskId, asOf, status, percent, completedOn, note, reportedBy } = report;
  return JSON.stringify([planId, taskId, asOf, status, percent ?? null, completedOn ?? null, note, reportedBy ?? null]);
}

/** A report with its digest and its task's title. */
export interface DigestedReport {
  digest: string;
  report: Report;
  title: string;
}

/** Reports whose digest was not in the previous release, newest first; none when there is no previous digest to compare with. */
export function findNewReports(
  previous: ReadonlySet<string> | undefined,
  reports: readonly DigestedReport[],
): NewReport[] {
  if (!previous) return [];
  return reports
    .filter((r) => !previous.has(r.digest))
    .map(({ report: r, title }) => ({
      plan: r.planId,
      task: r.taskId,
      title,
      as_of: r.asOf,
      status: r.status,
      percent: r.percent ?? null,
      reported_by: r.reportedBy ?? null,
    }))
    .sort((a, b) =>
      a.as_of !== b.as_of
        ? a.as_of < b.as_of
          ? 1
          : -1
        : a.plan < b.plan
          ? -1
          : a.plan > b.plan
            ? 1
            : compareIds(a.task, b.task),
    );
}

/** What the previous release (the one being served) left to compare with; absent for the first release. */
export interface PreviousRelease {
  release: string;
  exports: ExportedStatuses[];
  /** Its changes.json, when it has one. */
  changes?: ChangesFile | undefined;
}

/** Builds the changes.json of a new release from the previous one and the new data. */
export function nextChangesFile(input: {
  release: string;
  publishedAt: string;
  asOf: IsoDate;
  exports: readonly ExportedStatuses[];
  reports: readonly DigestedReport[];
  previous?: PreviousRelease | undefined;
}): ChangesFile {
  const { previous } = input;
  const previousDigests = previous?.changes ? new Set(previous.changes.report_digests) : undefined;
  const current: ReleaseChanges = {
    release: input.release,
    published_at: input.publishedAt,
    previous: previous?.release ?? null,
    as_of: input.asOf,
    status_changes: previous ? diffStatuses(previous.exports, input.exports) : [],
    new_reports: findNewReports(previousDigests, input.reports),
  };
  const history = [current, ...(previous?.changes?.history ?? [])].slice(0, HISTORY_LIMIT);
  return { format: 1, history, report_digests: [...new Set(input.reports.map((r) => r.digest))].sort() };
}
