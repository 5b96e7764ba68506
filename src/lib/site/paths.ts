/** Site URLs, built in one place so that every link works under a sub-path (astro.config base). */

/** Joins the site base (e.g. `/` or `/ke-hoach/`) with a path inside the site. */
export function withBase(base: string, path: string): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  return `${b}${path.replace(/^\//, '')}`;
}

/** Path of a plan page. */
export const planPath = (planId: string) => `plans/${encodeURIComponent(planId)}/`;
/** Path of a section page. */
export const sectionPath = (planId: string, sectionId: string) =>
  `plans/${encodeURIComponent(planId)}/sections/${encodeURIComponent(sectionId)}/`;
/** Path of a task page. */
export const taskPath = (planId: string, taskId: string) =>
  `plans/${encodeURIComponent(planId)}/tasks/${encodeURIComponent(taskId)}/`;
/** Path of a unit page. */
export const unitPath = (unitId: string) => `units/${encodeURIComponent(unitId)}/`;
/** Path of a leader page. */
export const leaderPath = (leaderId: string) => `leaders/${encodeURIComponent(leaderId)}/`;
/** Path of a plan's JSON or CSV export. */
export const exportPath = (planId: string, ext: 'json' | 'csv' | 'xlsx') =>
  `exports/${encodeURIComponent(planId)}.${ext}`;
/** Path of a reporting period's page. */
export const reportPath = (periodId: string) => `reports/${encodeURIComponent(periodId)}/`;
/** Path of a reporting period's Word report. */
export const reportDocxPath = (periodId: string) => `reports/${encodeURIComponent(periodId)}.docx`;
/** Path of a plan's JSON export at a period's cut-off. */
export const periodExportPath = (planId: string, periodId: string) =>
  `exports/${encodeURIComponent(planId)}.${encodeURIComponent(periodId)}.json`;
