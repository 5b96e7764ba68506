/**
 * `npm run collect`: reads returned forms, checks every row, prints what each adds, then appends the reports to the
 * plans' progress files: all or nothing, a copy of each previous file kept, never the same report twice. Any problem
 * refuses the whole batch unless skipBad, which takes the good rows and lists the rest. data/ is locked meanwhile.
 */
import { join, relative, resolve } from 'node:path';
import { formatDateVi, todayInVietnam } from '../../lib/dates';
import { checkForm, reportKey, type FormOutcome, type NewReport, type RoundContext } from '../../lib/forms/check';
import { periodCutoff, periodLabel, type Period } from '../../lib/forms/period';
import { readFormSheet } from '../../lib/forms/read';
import { count, describeOutcome } from '../../lib/forms/summary';
import { loadDataset } from '../../lib/data/load';
import type { Dataset, Task } from '../../lib/data/model';
import { errorAt, formatIssue, hasErrors, sortIssues, type DataIssue } from '../../lib/data/problems';
import { fsSource } from '../data/fs-source';
import { sha256Hex } from '../hash';
import { loadSiteFromDisk } from '../data/load-site';
import { shownPath } from '../data/load-site';
import { acquireLock } from '../releases/lock';
import { addToProgress } from './progress-file';
import { replaceFiles, type FileChange } from './replace-files';
import { readReturnedFile } from './returned-file';

/** What to collect, from where, and how. */
export interface CollectOptions {
  files: readonly string[];
  period: Period;
  dataDir: string;
  /** Take the good rows and list the others, instead of refusing everything. */
  skipBad: boolean;
  /** Print what would be added, and write nothing. */
  dryRun: boolean;
  cwd?: string;
  now?: Date;
  /** Prints a line of the report (stdout). */
  log: (line: string) => void;
  /** Prints a problem (stderr). */
  warn: (line: string) => void;
}

/** Runs a collection; ok when nothing was refused (or skipBad took what it could). */
export async function collectForms(o: CollectOptions): Promise<{ ok: boolean; added: number }> {
  const cwd = o.cwd ?? process.cwd();
  const lock = acquireLock(join(resolve(cwd, o.dataDir), '.collect.lock'), o.now, 'collect');
  if (!lock.ok) {
    o.warn(lock.message);
    return { ok: false, added: 0 };
  }
  try {
    return await collectLocked(o, cwd);
  } finally {
    lock.lock.release();
  }
}

async function collectLocked(o: CollectOptions, cwd: string): Promise<{ ok: boolean; added: number }> {
  const fail = (issues: readonly DataIssue[], why: string) => {
    for (const issue of sortIssues(issues)) o.warn(formatIssue(issue));
    o.warn(`\n${why}`);
    return { ok: false, added: 0 };
  };
  const { dataset, issues: dataIssues } = loadSiteFromDisk(o.dataDir, cwd);
  if (!dataset || hasErrors(dataIssues))
    return fail(
      dataIssues,
      'The data has errors (npm run validate lists them): fix them before collecting forms. Nothing was added.',
    );
  const cutoff = periodCutoff(o.period);
  if (dataset.site.asOfSource === 'data' && dataset.site.asOf < cutoff)
    return fail(
      [],
      `The reports of ${periodLabel(o.period)} are as of ${formatDateVi(cutoff)}, after the site's as-of date ${formatDateVi(dataset.site.asOf)}, so the site would not count them: set "as_of" in ${o.dataDir}/site.json to "${cutoff}" (or later) first. Nothing was added.`,
    );
  const outcomes = readForms(o, dataset, cwd);
  o.log(
    `Forms of ${periodLabel(o.period)} (reports as of ${formatDateVi(cutoff)}): ${count(outcomes.length, 'file')}\n`,
  );
  for (const outcome of outcomes) o.log(describeOutcome(outcome).join('\n'));
  const problems = outcomes.flatMap((x) => x.issues);
  if (problems.length > 0 && !o.skipBad)
    return fail(
      problems,
      `${count(problems.length, 'problem')} in the forms: nothing was added. Correct the forms (or run with --skip-bad to add the good rows and leave the others).`,
    );
  if (problems.length > 0) {
    o.warn(`Skipped (--skip-bad), ${count(problems.length, 'problem')}:`);
    for (const issue of sortIssues(problems)) o.warn(formatIssue(issue));
  }
  const reports = outcomes.flatMap((x) => x.reports);
  if (reports.length === 0) {
    o.log('\nNothing to add.');
    return { ok: true, added: 0 };
  }
  return writeReports(o, cwd, reports);
}

// Each file read and checked; a second form of a unit already read is refused.
function readForms(o: CollectOptions, dataset: Dataset, cwd: string): FormOutcome[] {
  const tasks = new Map<string, Map<string, Task>>(
    dataset.plans.map((p) => [p.id, new Map(p.tasks.map((t) => [t.id, t]))]),
  );
  const ctx: RoundContext = {
    period: o.period,
    hash: sha256Hex,
    units: new Map(dataset.units.map((u) => [u.id, u])),
    tasks,
    reported: new Set(dataset.plans.flatMap((p) => p.reports.map(reportKey))),
  };
  const byUnit = new Map<string, string>();
  return o.files.map((path) => {
    const shown = relative(cwd, resolve(cwd, path)) || path;
    const empty: FormOutcome = { file: shown, unit: undefined, reports: [], already: [], blank: 0, issues: [] };
    const file = readReturnedFile(resolve(cwd, path), shown);
    if (!file.ok) return { ...empty, issues: [file.issue] };
    const { form, issues } = readFormSheet(file.place, file.sheet);
    if (!form) return { ...empty, issues };
    const outcome = checkForm(form, ctx);
    const first = outcome.unit && byUnit.get(outcome.unit.id);
    if (outcome.unit && first) {
      const message = `is a second form of ${outcome.unit.id} for ${periodLabel(o.period)} (the first is ${first}); keep one of them`;
      return { ...empty, unit: outcome.unit, issues: [errorAt({ file: shown }, 'duplicate-form', message)] };
    }
    if (outcome.unit) byUnit.set(outcome.unit.id, shown);
    return outcome;
  });
}

// The new progress files, checked by loading the data as it would be, then written all together.
async function writeReports(
  o: CollectOptions,
  cwd: string,
  reports: NewReport[],
): Promise<{ ok: boolean; added: number }> {
  const byPlan = Map.groupBy(reports, (r) => r.planId);
  const changes: (FileChange & { count: number })[] = [];
  const refusals: string[] = [];
  for (const [planId, list] of byPlan) {
    const change = await addToProgress(join(resolve(cwd, o.dataDir), 'plans', planId), list);
    if (change.ok) changes.push({ ...change, count: list.length });
    else refusals.push(`${relative(cwd, change.file)}: ${change.message}`);
  }
  if (refusals.length > 0) {
    for (const line of refusals) o.warn(line);
    o.warn('\nNothing was added.');
    return { ok: false, added: 0 };
  }
  const after = checkWith(o, cwd, changes);
  if (hasErrors(after)) {
    for (const issue of sortIssues(after)) o.warn(formatIssue(issue));
    o.warn('\nWith these reports added the data would not be accepted (the problems above): nothing was added.');
    return { ok: false, added: 0 };
  }
  if (o.dryRun) {
    o.log(`\nDry run: ${count(reports.length, 'report')} would be added; nothing was written.`);
    return { ok: true, added: 0 };
  }
  const stamp = (o.now ?? new Date()).toISOString().replace(/[:.]/g, '-');
  const backups = replaceFiles(changes, stamp);
  o.log('');
  for (const c of changes) {
    const kept = backups.get(c.file);
    const note = kept ? ` (the previous file is kept as ${relative(cwd, kept)})` : ' (a new file)';
    o.log(`Added ${count(c.count, 'report')} to ${relative(cwd, c.file)}${note}.`);
  }
  return { ok: true, added: reports.length };
}

// The data's problems with the new files in place of the old ones (nothing is written).
function checkWith(o: CollectOptions, cwd: string, changes: readonly FileChange[]): DataIssue[] {
  const root = shownPath(o.dataDir, cwd);
  const source = fsSource(cwd);
  const changed = new Map(changes.map((c) => [resolve(c.file), c.bytes]));
  const overlay = {
    ...source,
    size: (path: string) => changed.get(resolve(cwd, path))?.length ?? source.size(path),
    read: (path: string) => changed.get(resolve(cwd, path)) ?? source.read(path),
  };
  return loadDataset(overlay, { root, buildDate: todayInVietnam() }).issues.filter((i) => i.level === 'error');
}
