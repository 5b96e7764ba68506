/**
 * Every page and file a build of the site writes, listed from the data. It is the one list behind the pages'
 * getStaticPaths, the build's render threads (which request each URL from Astro's app and write its file) and the
 * check of a built site (every listed file is there, every internal link leads to one).
 */
import type { PlanState } from '../status/evaluate';
import { fileForPath } from './links';
import type { ReportYear } from '../data/periods';
import {
  exportPath,
  leaderPath,
  periodExportPath,
  planPath,
  reportDocxPath,
  reportPath,
  sectionPath,
  taskPath,
  unitPath,
} from './paths';

/** The site's routes: one per file in src/pages. */
export type SiteRoute =
  | 'home'
  | 'tasks'
  | 'search-index'
  | 'units'
  | 'leaders'
  | 'archive'
  | 'updates'
  | 'rss'
  | 'plan'
  | 'section'
  | 'task'
  | 'unit'
  | 'leader'
  | 'export-json'
  | 'export-csv'
  | 'export-xlsx'
  | 'reports'
  | 'report'
  | 'report-docx'
  | 'export-period'
  | 'not-found';

/** One page or file of the site. */
export interface SitePage {
  route: SiteRoute;
  /** The route's parameters as getStaticPaths gives them (ids as they are, not encoded); empty for a fixed page. */
  params: Record<string, string>;
  /** Its URL path relative to the site's base, ids percent-encoded: `''`, `plans/x/`, `exports/x.csv`. */
  path: string;
  /** The file it is written to, relative to the site folder: `index.html`, `plans/x/index.html`, `exports/x.csv`. */
  file: string;
  /** 404 for the page of addresses the site does not have, which Astro's app answers with that status; else absent (200). */
  status?: 404;
}

/** The plans, units and leaders a site has pages for. */
export interface SiteOutline {
  plans: readonly { id: string; sections: readonly string[]; tasks: readonly string[] }[];
  units: readonly string[];
  leaders: readonly string[];
  /** The reporting periods listed on /reports/ (src/lib/periods.ts), newest year first, each with the ids of the plans it covers. */
  periods?: readonly { id: string; plans: readonly string[] }[];
  /** Plans frozen at the end of an archived year while they go on (plans over several years): exports/<id>.<year>.json. */
  yearRecords?: readonly { plan: string; year: number }[];
}

/** The outline of a site showing these judged plans (live, and archived ones), units and leaders. */
export function siteOutline(
  plans: readonly PlanState[],
  units: readonly { id: string }[],
  leaders: readonly { id: string }[],
  reporting: Pick<SiteOutline, 'periods' | 'yearRecords'> = {},
): SiteOutline {
  return {
    ...reporting,
    plans: plans.map((p) => ({
      id: p.plan.id,
      sections: p.plan.sections.map((s) => s.id),
      tasks: p.tasks.map((t) => t.task.id),
    })),
    units: units.map((u) => u.id),
    leaders: leaders.map((l) => l.id),
  };
}

/** The periods part of an outline: every period of the years reported on, each with the plans of its year. */
export function periodsOutline(years: readonly ReportYear[]): NonNullable<SiteOutline['periods']> {
  return years.flatMap((y) => y.periods.map((p) => ({ id: p.id, plans: y.planIds })));
}

/** The pages every site has, whatever its data. */
const FIXED: readonly [SiteRoute, string][] = [
  ['home', ''],
  ['tasks', 'tasks/'],
  ['search-index', 'tasks/search-index.json'],
  ['units', 'units/'],
  ['leaders', 'leaders/'],
  ['archive', 'archive/'],
  ['updates', 'updates/'],
  ['rss', 'updates/rss.xml'],
  ['reports', 'reports/'],
  // What the web server answers for an address the site does not have; Astro writes it as 404.html.
  ['not-found', '404.html'],
];

/** Every page of a site with this outline: the fixed pages first, then each period's page and report, each plan's pages and exports, units, leaders. */
export function listSitePages(outline: SiteOutline): SitePage[] {
  const pages = FIXED.map(([route, path]) => page(route, {}, path));
  const periodsOf = new Map<string, string[]>();
  for (const { id: period, plans } of outline.periods ?? []) {
    pages.push(page('report', { period }, reportPath(period)));
    pages.push(page('report-docx', { period }, reportDocxPath(period)));
    for (const plan of plans) periodsOf.set(plan, [...(periodsOf.get(plan) ?? []), period]);
  }
  for (const { plan, year } of outline.yearRecords ?? []) {
    const periods = periodsOf.get(plan) ?? [];
    if (!periods.includes(String(year))) periodsOf.set(plan, [...periods, String(year)]);
  }
  for (const { id: plan, sections, tasks } of outline.plans) {
    pages.push(page('plan', { plan }, planPath(plan)));
    for (const section of sections) pages.push(page('section', { plan, section }, sectionPath(plan, section)));
    for (const task of tasks) pages.push(page('task', { plan, task }, taskPath(plan, task)));
    pages.push(page('export-json', { plan }, exportPath(plan, 'json')));
    pages.push(page('export-csv', { plan }, exportPath(plan, 'csv')));
    pages.push(page('export-xlsx', { plan }, exportPath(plan, 'xlsx')));
  }
  for (const [plan, periods] of periodsOf)
    for (const period of periods) pages.push(page('export-period', { plan, period }, periodExportPath(plan, period)));
  for (const unit of outline.units) pages.push(page('unit', { unit }, unitPath(unit)));
  for (const leader of outline.leaders) pages.push(page('leader', { leader }, leaderPath(leader)));
  return pages;
}

/** A route's entries for its page's getStaticPaths(), from the site's pages. */
export function staticPathsOf(pages: readonly SitePage[], route: SiteRoute): { params: Record<string, string> }[] {
  return pages.filter((p) => p.route === route).map((p) => ({ params: p.params }));
}

/** Whether a page is one of the fixed pages (a route without parameters). */
export function isFixedPage(page: SitePage): boolean {
  return Object.keys(page.params).length === 0;
}

function page(route: SiteRoute, params: Record<string, string>, path: string): SitePage {
  const status = route === 'not-found' ? { status: 404 as const } : {};
  return { route, params, path, file: fileForPath(path), ...status };
}
