/** Loading data/: reads every file through a DataSource, validates every row, and returns the dataset with every problem. */
import type { z } from 'zod';
import type { TableRow } from './csv';
import type { IsoDate } from '../dates';
import type { DataSource } from './load-context';
export type { DataSource };
import type { Dataset, Leader, Plan, Site, Unit } from './model';
import { loadPlan, type PlanRefs } from './load-plan';
import { checkReportTexts, loadReportTexts } from './load-reports';
import { DEFAULT_MAX_FILE_BYTES, LoadContext, originOf, where } from './load-context';
import { errorAt, hasErrors, quote, warningAt, type DataIssue } from './problems';
import { LeaderSchema, SiteSchema, UnitGroupSchema, UnitSchema } from './schema';
import { foldVietnamese } from '../text';

/** The folder of an archived year that holds plans over several years frozen at the year's end while they go on. */
export const CONTINUING_FOLDER = 'continuing';

/** Settings of one load. */
export interface LoadOptions {
  /** The data folder, relative to the repository. */
  root: string;
  /** Today's date in Vietnam: the as-of date when site.json gives none. */
  buildDate: IsoDate;
  /** Files larger than this are refused instead of read. */
  maxFileBytes?: number;
  /** Accept a plans folder with no plan (true once earlier years are archived and this year's plans are not in yet). */
  allowNoPlans?: boolean;
  /** Also read `<root>/continuing/` (CONTINUING_FOLDER): plans over several years frozen at the end of an archived year while they go on. */
  continuing?: boolean;
}

/** The dataset (when there were no errors) and every problem found. */
export interface LoadResult {
  dataset: Dataset | undefined;
  issues: DataIssue[];
}

export { DEFAULT_MAX_FILE_BYTES };

/** Loads and validates everything under the data folder. */
export function loadDataset(source: DataSource, options: LoadOptions): LoadResult {
  const ctx = new LoadContext(source, options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES);
  const site = loadSite(ctx, `${options.root}/site.json`, options.buildDate);
  const unitList = loadEntities(ctx, `${options.root}/units`, 'units', UnitSchema, (u): Unit => ({
    id: u.id,
    name: u.name,
    shortName: u.short_name || u.name,
  }));
  const leaderList = loadEntities(ctx, `${options.root}/leaders`, 'leaders', LeaderSchema, (l): Leader => ({
    id: l.id,
    title: l.title,
  }));
  loadUnitGroups(ctx, `${options.root}/unit-groups`);
  const units = unitList ?? [];
  const leaders = leaderList ?? [];
  const plans = [];
  const unreadable = new Set([...(unitList ? [] : ['units' as const]), ...(leaderList ? [] : ['leaders' as const])]);
  const refs = {
    units: new Map(units.map((u) => [u.id, u])),
    leaders: new Map(leaders.map((l) => [l.id, l])),
    asOf: site?.asOf,
    unreadable,
  };
  const before = ctx.issues.length;
  const folders = ctx.list(`${options.root}/plans`).filter((e) => e.isDir);
  const refused = ctx.issues.length > before;
  for (const entry of folders) {
    const plan = loadPlan(ctx, `${options.root}/plans/${entry.name}`, entry.name, refs);
    if (plan) plans.push(plan);
  }
  const continuing = options.continuing
    ? loadPlanFolders(ctx, `${options.root}/${CONTINUING_FOLDER}`, refs)
    : undefined;
  if (folders.length === 0 && !continuing?.length && !refused && !options.allowNoPlans)
    ctx.issues.push(
      errorAt(
        { file: `${options.root}/plans` },
        'no-plans',
        'holds no plan; expected folders like data/plans/2024-vp/ with plan.json, tasks.csv and progress.csv',
      ),
    );
  const reportTexts = loadReportTexts(ctx, `${options.root}/reports`);
  // Only once the plans load: a plan that does not would make every text of its year look unused.
  if (site && !hasErrors(ctx.issues)) ctx.issues.push(...checkReportTexts(reportTexts, plans, site.asOf));
  const dataset = site && !hasErrors(ctx.issues) ? { site, units, leaders, plans, reportTexts, continuing } : undefined;
  return { dataset, issues: ctx.issues };
}

/** Checks unit-groups.csv (optional): the phrases the importer reads as every unit, each non-empty and listed once. */
function loadUnitGroups(ctx: LoadContext, base: string): string[] {
  const table = ctx.readTable(base, 'unitGroups', false);
  if (!table) return [];
  const seen = new Map<string, TableRow>();
  const phrases: string[] = [];
  for (const row of table.rows) {
    const parsed = ctx.parseRow(UnitGroupSchema, row, table.file);
    if (!parsed) continue;
    const key = foldVietnamese(parsed.phrase)
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
    const first = seen.get(key);
    if (first) {
      ctx.issues.push(
        warningAt(
          originOf(table.file, row),
          'duplicate-phrase',
          `phrase ${quote(parsed.phrase)} is listed twice (first at ${where(first)})`,
          'phrase',
        ),
      );
      continue;
    }
    seen.set(key, row);
    phrases.push(parsed.phrase);
  }
  return phrases;
}

function loadPlanFolders(ctx: LoadContext, dir: string, refs: PlanRefs): Plan[] {
  const plans: Plan[] = [];
  for (const entry of ctx.list(dir).filter((e) => e.isDir)) {
    const plan = loadPlan(ctx, `${dir}/${entry.name}`, entry.name, refs);
    if (plan) plans.push(plan);
  }
  return plans;
}

function loadSite(ctx: LoadContext, path: string, buildDate: IsoDate): Site | undefined {
  const s = ctx.readJsonFile(path, SiteSchema, '{"organization", "title", "as_of"}');
  if (!s) return undefined;
  return {
    organization: s.organization,
    title: s.title,
    asOf: s.as_of ?? buildDate,
    asOfSource: s.as_of ? 'data' : 'build-date',
    staleReportDays: s.stale_report_days,
  };
}

function loadEntities<S extends z.ZodType<{ id: string }>, T>(
  ctx: LoadContext,
  base: string,
  kind: 'units' | 'leaders',
  schema: S,
  build: (row: z.output<S>) => T,
): T[] | undefined {
  const table = ctx.readTable(base, kind);
  if (!table) return undefined;
  const out: T[] = [];
  const seen = new Map<string, TableRow>();
  for (const row of table.rows) {
    const parsed = ctx.parseRow(schema, row, table.file);
    if (!parsed) continue;
    if (seen.has(parsed.id)) {
      ctx.issues.push(
        errorAt(
          originOf(table.file, row),
          'duplicate-id',
          `id ${quote(parsed.id)} is used twice (first at ${where(seen.get(parsed.id)!)})`,
          'id',
        ),
      );
      continue;
    }
    seen.set(parsed.id, row);
    out.push(build(parsed));
  }
  return out;
}
