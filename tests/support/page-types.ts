/** A page of every type of the default site, by path under the base: what the browser tests visit one of each. */
const PLAN = 'plans/2024-khac-phuc/';

/** [what it is, its path]: every page type the site has (the missing-address page apart, as each test reaches it its own way). */
export const PAGE_TYPES: [string, string][] = [
  ['the dashboard', ''],
  ['a plan', PLAN],
  ['a section', `${PLAN}sections/II.3/`],
  ['a task', `${PLAN}tasks/II.3.b/`],
  ['the task index', 'tasks/'],
  ['the units list', 'units/'],
  ['a unit', 'units/hcqt/'],
  ['the leaders list', 'leaders/'],
  ['a leader', 'leaders/chanh-vp/'],
  ['the period reports', 'reports/'],
  ['a period report', 'reports/2024-q3/'],
  ['the updates', 'updates/'],
  ['the archive', 'archive/'],
];
