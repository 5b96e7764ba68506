/**
 * How a snapshot survives being killed. Before it changes anything a user sees, it writes a journal,
 * `archive/.snapshot-<year>-<pid>.json`, naming every folder it is about to move. The one step that decides is the
 * rename of the new archive (`archive/.tmp-<year>-<pid>`) to `archive/<year>`: while that working folder exists, the
 * snapshot has not happened and is undone (plan folders moved back, the old archive put back); once it is gone, the
 * snapshot has happened and is finished (seal written, moved plan folders and the old archive deleted). The next
 * `npm run snapshot` does either by itself; until then validate, build and publish refuse, naming what is left.
 */
import { existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { MANIFEST_FILE } from '../../lib/data/manifest';
import { errorAt, type DataIssue } from '../../lib/data/problems';
import { serializeSeal } from '../../lib/data/seal';
import { sha256Hex } from '../hash';
import { isRunning } from '../releases/lock';
import { writeFileWhole } from '../write-whole';

/** What a snapshot records before it moves anything (absolute paths, so any later run can act on it). */
export interface SnapshotJournal {
  format: 1;
  year: number;
  pid: number;
  /** Whether it was run with --force (to replace an archived year): the command to run again says so too. */
  force: boolean;
  /** data/plans/. */
  plansDir: string;
  /** data/plans/.snapshot-<year>-<pid>/: the live plan folders, moved here before the archive is switched. */
  stage: string;
  /** The plan folders moved into stage. */
  plans: string[];
  /** archive/.tmp-<year>-<pid>/: the new archive, complete; renamed to target, the step that decides. */
  tmp: string;
  /** archive/<year>/. */
  target: string;
  /** archive/.old-<year>-<pid>/: the archive being replaced (--force). */
  old: string;
  /** archive/<year>.seal, and the SHA-256 of the new archive's manifest that it will hold. */
  seal: string;
  manifestSha256: string;
}

const JOURNAL = /^\.snapshot-(\d{4})-(\d+)\.json$/;

/** The journal's file for a year and process. */
function journalFile(archiveDir: string, year: number, pid = process.pid): string {
  return join(archiveDir, `.snapshot-${year}-${pid}.json`);
}

/** Writes the journal whole (a temporary file renamed into place), so a journal that exists is complete. */
export function writeJournal(archiveDir: string, journal: SnapshotJournal): void {
  const file = journalFile(archiveDir, journal.year, journal.pid);
  writeFileWhole(file, `${JSON.stringify(journal, null, 2)}\n`);
}

/** Undoes a snapshot that has not switched the archive: the old archive and the plan folders go back; then the journal and the new archive are deleted. */
export function rollBack(archiveDir: string, j: SnapshotJournal): string[] {
  const problems: string[] = [];
  const move = (from: string, to: string) => {
    if (!existsSync(from)) return;
    if (existsSync(to))
      return problems.push(`${to} exists, so ${from} was left where it is; compare them and keep one`);
    try {
      renameSync(from, to);
    } catch (error) {
      problems.push(`could not move ${from} back to ${to} (${(error as NodeJS.ErrnoException).code ?? error})`);
    }
  };
  move(j.old, j.target);
  for (const id of existsSync(j.stage) ? readdirSync(j.stage) : []) move(join(j.stage, id), join(j.plansDir, id));
  if (problems.length) return problems;
  rmSync(j.stage, { recursive: true, force: true });
  // The journal goes before the new archive: a journal without its working folder would mean "switched".
  rmSync(journalFile(archiveDir, j.year, j.pid), { force: true });
  rmSync(j.tmp, { recursive: true, force: true });
  return [];
}

/** Finishes a snapshot that has switched the archive: the seal is written, the moved plan folders and the old archive deleted. */
export function rollForward(archiveDir: string, j: SnapshotJournal): string[] {
  const manifest = join(j.target, MANIFEST_FILE);
  const found = existsSync(manifest) ? sha256Hex(readFileSync(manifest)) : undefined;
  if (found !== j.manifestSha256)
    return [
      `${manifest} is not the manifest that snapshot wrote (SHA-256 ${j.manifestSha256.slice(0, 12)}…); restore ${j.target} from a backup, then delete ${journalFile(archiveDir, j.year, j.pid)}`,
    ];
  writeFileWhole(j.seal, serializeSeal(j.year, j.manifestSha256), `${j.seal}.tmp-${process.pid}`);
  rmSync(j.stage, { recursive: true, force: true });
  rmSync(j.old, { recursive: true, force: true });
  rmSync(journalFile(archiveDir, j.year, j.pid), { force: true });
  return [];
}

/** What recovering left: what was done (one line each), the years finished, and problems a person must solve. */
export interface Recovery {
  notes: string[];
  finished: number[];
  problems: string[];
}

/** Finishes or undoes every snapshot of a process no longer running; a snapshot still running is a problem (wait for it). */
export function recoverSnapshots(dataDir: string, archiveDir: string): Recovery {
  const result: Recovery = { notes: [], finished: [], problems: [] };
  for (const found of findJournals(archiveDir)) {
    const { year, pid } = found;
    if (isRunning(pid)) {
      result.problems.push(`npm run snapshot -- ${year} is running (process ${pid}); wait for it to finish`);
      continue;
    }
    if (!found.journal) {
      result.problems.push(`${found.file} cannot be read; delete it after checking ${dataDir}/plans and ${archiveDir}`);
      continue;
    }
    const j = found.journal;
    const switched = !existsSync(j.tmp);
    const staged = existsSync(j.stage) ? readdirSync(j.stage).length : 0;
    const problems = switched ? rollForward(archiveDir, j) : rollBack(archiveDir, j);
    result.problems.push(...problems);
    if (problems.length) continue;
    if (switched) result.finished.push(year);
    result.notes.push(
      switched
        ? `Finished the snapshot of ${year} that was stopped (process ${pid}): ${j.target} is in place and sealed; the plan folders it had moved (${j.plans.join(', ') || 'none'}) are deleted.`
        : `Undid the snapshot of ${year} that was stopped (process ${pid}) before it switched the archive: ${staged} plan folder(s) moved back to ${j.plansDir}/${existsSync(j.target) ? `, ${j.target}/ as it was` : ''}.`,
    );
  }
  return result;
}

/** The snapshot journals in archiveDir, read (journal undefined when unreadable). */
function findJournals(archiveDir: string): { file: string; year: number; pid: number; journal?: SnapshotJournal }[] {
  if (!existsSync(archiveDir)) return [];
  return readdirSync(archiveDir).flatMap((name) => {
    const match = JOURNAL.exec(name);
    if (!match) return [];
    const file = join(archiveDir, name);
    let journal: SnapshotJournal | undefined;
    try {
      journal = JSON.parse(readFileSync(file, 'utf8')) as SnapshotJournal;
    } catch {
      journal = undefined;
    }
    return [{ file, year: Number(match[1]), pid: Number(match[2]), journal }];
  });
}

/** A problem for each snapshot working folder (journal, moved plan folders, old archive) left in data/ or archive/: validate, build and publish stop on them. */
export function interruptedSnapshotIssues(
  plansDir: string,
  archiveDir: string,
  shown: (path: string) => string,
): DataIssue[] {
  const scan = (dir: string, pattern: RegExp) =>
    existsSync(dir) ? readdirSync(dir).flatMap((n) => (pattern.test(n) ? [join(dir, n)] : [])) : [];
  const journals = new Map(findJournals(archiveDir).map((j) => [j.pid, j.journal]));
  const leftovers = [
    ...scan(archiveDir, JOURNAL),
    ...scan(plansDir, /^\.snapshot-/),
    ...scan(archiveDir, /^\.old-\d{4}-\d+$/),
  ];
  return leftovers.map((path) => {
    const match = /(?:(\d{4})-)?(\d+)(?:\.json)?$/.exec(path);
    const year = match?.[1] ?? '<year>';
    const pid = Number(match?.[2]);
    const command = `npm run snapshot -- ${year}${journals.get(pid)?.force ? ' --force' : ''}`;
    const advice = interruptedAdvice(path, { year, pid, journaled: journals.has(pid), command });
    return errorAt({ file: shown(path) }, 'snapshot-interrupted', advice);
  });
}

function interruptedAdvice(
  path: string,
  { year, pid, journaled, command }: { year: string; pid: number; journaled: boolean; command: string },
): string {
  if (isRunning(pid))
    return `npm run snapshot -- ${year} is running (process ${pid}) and is moving plan folders; wait for it to finish, then run this again`;
  const stopped = `was left by a snapshot that was stopped part-way (process ${pid}): plans may be missing from the site until it is finished or undone.`;
  if (journaled) return `${stopped} Run ${command} again: it first finishes or undoes the stopped one by itself`;
  // Left by a version without a journal: what to do by hand, in words that work as written.
  if (/\.old-\d{4}-\d+$/.test(path))
    return `${stopped} If ${path.replace(/\.old-(\d{4})-\d+$/, '$1')} is missing, rename this folder to it; otherwise delete this folder`;
  return `${stopped} Move the plan folders in it back into ${path.replace(/[\\/][^\\/]+$/, '')}/ (those not already in an archived year's plans/), then delete it`;
}
