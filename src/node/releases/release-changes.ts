/** What a new release changes compared with the one being served: read the old release's exports and changes.json, judge the new data. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ArchivedYear } from '../../lib/data/load-archive';
import { judgeArchives, judgePlans } from '../../lib/status/archive-model';
import type { PlanState } from '../../lib/status/evaluate';
import { buildPlanExport } from '../../lib/site/exports';
import type { Dataset } from '../../lib/data/model';
import {
  nextChangesFile,
  parseChangesFile,
  readExportedStatuses,
  reportDigestText,
  type ChangesFile,
  type ExportedStatuses,
  type PreviousRelease,
} from '../../lib/status/updates';
import { sha256Hex } from '../hash';
import { RELEASE_MARKER } from './release-folders';

/** Every plan the site will show (live and archived), judged as the build will judge it. */
export function judgeEverything(dataset: Dataset, archives: readonly ArchivedYear[]): PlanState[] {
  return [...judgePlans(dataset.plans, dataset.site.asOf), ...judgeArchives(archives).flatMap((a) => a.plans)];
}

/** Reads what a published release left to compare with: its plan exports and its changes.json; unreadable files are skipped with a warning. */
export function readPreviousRelease(
  dir: string,
  release: string,
  warn: (line: string) => void = () => {},
): PreviousRelease {
  const read = <T>(file: string, parse: (text: string) => T): T | undefined => {
    try {
      return parse(readFileSync(file, 'utf8'));
    } catch (error) {
      warn(`warning: ${file} could not be read (${(error as Error).message}); the changes list will leave it out`);
      return undefined;
    }
  };
  const exportsDir = join(dir, 'exports');
  const exports: ExportedStatuses[] = [];
  for (const name of existsSync(exportsDir) ? readdirSync(exportsDir).sort() : []) {
    // A plan's export only: <id>.json, not <id>.<period>.json, its state at a period's cut-off (plan ids have no dot).
    if (!name.endsWith('.json') || name.slice(0, -'.json'.length).includes('.')) continue;
    const statuses = read(join(exportsDir, name), (text) => readExportedStatuses(JSON.parse(text)));
    if (statuses) exports.push(statuses);
  }
  const marker = join(dir, RELEASE_MARKER);
  const changes = existsSync(marker) ? read(marker, parseChangesFile) : undefined;
  return { release, exports, changes };
}

/** The changes.json of a new release built from these plans. */
export function changesForRelease(input: {
  release: string;
  now: Date;
  asOf: string;
  plans: readonly PlanState[];
  previous: PreviousRelease | undefined;
}): ChangesFile {
  const exports = input.plans.map((p) => buildPlanExport(p));
  const reports = input.plans.flatMap((p) => {
    const titles = new Map(p.plan.tasks.map((t) => [t.id, t.title]));
    return p.plan.reports.map((report) => ({
      digest: sha256Hex(reportDigestText(report)),
      report,
      title: titles.get(report.taskId) ?? report.taskId,
    }));
  });
  return nextChangesFile({
    release: input.release,
    publishedAt: input.now.toISOString(),
    asOf: input.asOf,
    exports,
    reports,
    previous: input.previous,
  });
}
