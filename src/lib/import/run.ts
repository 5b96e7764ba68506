/** One import run with file access passed in: read the text and tables, refuse to overwrite, write, report. */
import { parseCsv, parseJsonTable, type Table } from '../data/csv';
import { SLUG } from '../data/schema';
import type { DataIssue } from '../data/problems';
import { addUnmatched } from './add-refs';
import { makeGroupPatterns, makeRef, type NamedRef, type Refs } from './names';
import { formatCsvRows, formatPlanJson, formatTasksCsv } from './output';
import { importPlan } from './plan';
import { formatReport, type AddedRef } from './report';

/** What the person asked for on the command line. */
export interface ImportRequest {
  /** The plan's text file. */
  input: string;
  planId: string;
  year?: number | undefined;
  /** The data folder, `data` by default. */
  dataDir: string;
  force: boolean;
  /** Add names that match nothing to units.csv and leaders.csv, so the plan validates at once. */
  addUnits?: boolean | undefined;
}

/** How a run reaches files; paths are as given (relative to the working folder or absolute). */
export interface ImportEffects {
  /** A file's text, or undefined when there is no such file. */
  readText(path: string): string | undefined;
  exists(path: string): boolean;
  /** Writes every file whole or none: the CLI writes temp files, then renames them into place. */
  writeFiles(files: readonly { path: string; text: string }[]): void;
}

/** The exit code (0 done, 1 refused, 2 usage) and the lines to print on stdout and stderr. */
export interface RunOutcome {
  code: 0 | 1 | 2;
  out: string[];
  err: string[];
}

/** How to run the importer, printed with usage errors. */
export const USAGE =
  'usage: npm run import -- <plan.docx|plan.pdf|plan.txt> --id <plan-id> [--year 2024] [--data data] [--add-units] [--force]';

/** The command-line values as parsed, before they are checked. */
export interface ImportArgs {
  input?: string | undefined;
  id?: string | undefined;
  year?: string | undefined;
  data?: string | undefined;
  force?: boolean | undefined;
  'add-units'?: boolean | undefined;
}

/** Checks the command-line values and builds a request, or says what is wrong with them. */
export function makeRequest(values: ImportArgs): { ok: true; request: ImportRequest } | { ok: false; message: string } {
  if (!values.input) return { ok: false, message: 'missing the plan text file' };
  if (!values.id) return { ok: false, message: 'missing --id <plan-id>' };
  if (!SLUG.test(values.id))
    return {
      ok: false,
      message: `--id ${JSON.stringify(values.id)} is not a plan id (expected lowercase letters, digits and "-", like "2024-khac-phuc")`,
    };
  if (values.year !== undefined && !/^(19|2\d)\d\d$/.test(values.year))
    return {
      ok: false,
      message: `--year ${JSON.stringify(values.year)} is not a year (expected four digits, like 2024)`,
    };
  const dataDir = (values.data ?? 'data').replace(/[/\\]+$/, '') || '.';
  return {
    ok: true,
    request: {
      input: values.input,
      planId: values.id,
      year: values.year ? Number(values.year) : undefined,
      dataDir,
      force: values.force ?? false,
      ...(values['add-units'] ? { addUnits: true } : {}),
    },
  };
}

/** Reads `<base>.csv` or `<base>.json` as references; undefined when neither exists. */
function readRefs(
  effects: ImportEffects,
  base: string,
  names: (cells: Record<string, unknown>) => unknown[],
): { refs: NamedRef[]; file: string } | undefined {
  for (const file of [`${base}.csv`, `${base}.json`]) {
    const text = effects.readText(file);
    if (text === undefined) continue;
    const { table } = file.endsWith('.csv') ? parseCsv(file, text) : parseJsonTable(file, text);
    return { refs: refsOf(table, names), file };
  }
  return undefined;
}

function refsOf(table: Table, names: (cells: Record<string, unknown>) => unknown[]): NamedRef[] {
  return table.rows
    .filter((r) => typeof r.cells.id === 'string' && r.cells.id.trim() !== '')
    .map((r) =>
      makeRef(
        String(r.cells.id).trim(),
        names(r.cells).filter((n): n is string => typeof n === 'string'),
      ),
    );
}

/** Runs one import: never overwrites plan.json or tasks.csv without `force`. */
export function runImport(request: ImportRequest, effects: ImportEffects): RunOutcome {
  const { input, dataDir, planId } = request;
  const dir = `${dataDir}/plans/${planId}`;
  const [planFile, tasksFile, tasksJson] = [`${dir}/plan.json`, `${dir}/tasks.csv`, `${dir}/tasks.json`];
  const text = effects.readText(input);
  if (text === undefined) return { code: 2, out: [], err: [`error: cannot read ${input}: no such file`, USAGE] };
  const existing = [planFile, tasksFile, tasksJson].filter((f) => effects.exists(f));
  if (existing.length > 0 && !request.force) {
    return {
      code: 1,
      out: [],
      err: [
        `error: refusing to overwrite ${existing.join(' and ')}; add --force to replace ${existing.length > 1 ? 'them' : 'it'}`,
      ],
    };
  }
  const err: string[] = [];
  const units = readRefs(effects, `${dataDir}/units`, (c) => [c.name, c.short_name]);
  const leaders = readRefs(effects, `${dataDir}/leaders`, (c) => [c.title]);
  if (!units) err.push(`warning: no ${dataDir}/units.csv or units.json: every unit name is written as "?name"`);
  if (!leaders) err.push(`warning: no ${dataDir}/leaders.csv or leaders.json: every leader name is written as "?name"`);
  const groups = readGroups(effects, `${dataDir}/unit-groups.csv`);
  if (!groups) err.push(`warning: no ${dataDir}/unit-groups.csv: only "các phòng, ban, đơn vị" is read as every unit`);
  const refs: Refs = { units: units?.refs ?? [], leaders: leaders?.refs ?? [], groups: groups ?? [] };
  const unitsFile = units?.file ?? `${dataDir}/units.csv`;
  const leadersFile = leaders?.file ?? `${dataDir}/leaders.csv`;
  const result = importPlan(text, { file: input, year: request.year, refs, unitsFile, leadersFile });
  if (!result.ok)
    return { code: 2, out: [], err: [...err, ...result.issues.map((i) => `error: ${i.file}: ${i.message}`), USAGE] };
  if (result.tasks.length === 0) {
    // Not a plan's text, or one whose structure was lost: a near-empty plan folder would only fail validation.
    const problems = result.issues.filter((i) => i.code === 'no-parts' || i.code === 'no-tasks');
    return {
      code: 2,
      out: [],
      err: [...err, ...problems.map((i) => `error: ${i.file}: ${i.message}; nothing written`)],
    };
  }
  const more = request.addUnits
    ? addUnits(result, refs, { units: unitsFile, leaders: leadersFile, input }, effects)
    : undefined;
  if (more && 'message' in more) return { code: 2, out: [], err: [...err, more.message] };
  const { plan, tasks, issues, writes, added } = more ?? { ...result, writes: [], added: undefined };
  effects.writeFiles([
    { path: planFile, text: formatPlanJson(plan) },
    { path: tasksFile, text: formatTasksCsv(tasks) },
    ...writes,
  ]);
  if (effects.exists(tasksJson))
    err.push(`warning: ${tasksJson} also exists; remove it (a plan keeps tasks.csv or tasks.json, not both)`);
  const out = formatReport({
    plan,
    tasks,
    issues,
    yearSource: result.yearSource,
    input,
    unitsFile,
    leadersFile,
    added,
  });
  out.push('', `Wrote ${[planFile, tasksFile, ...writes.map((w) => w.path)].join(' and ')}.`, NEXT_STEPS);
  return { code: 0, out, err };
}

type Imported = Extract<ReturnType<typeof importPlan>, { ok: true }>;

/** --add-units: gives each unmatched name an id and the rows to append to units.csv and leaders.csv. */
function addUnits(
  result: Imported,
  refs: Refs,
  files: { units: string; leaders: string; input: string },
  effects: ImportEffects,
):
  | (Pick<Imported, 'plan' | 'tasks' | 'issues'> & { writes: { path: string; text: string }[]; added: AddedRef[] })
  | { message: string } {
  if (files.units.endsWith('.json') || files.leaders.endsWith('.json'))
    return { message: 'error: --add-units writes units.csv and leaders.csv; this data folder keeps them as JSON' };
  const more = addUnmatched(
    result.plan,
    result.tasks,
    { units: idsOf(refs.units), leaders: idsOf(refs.leaders) },
    files,
  );
  // What --add-units settled (names now added, deadlines set to ongoing) is no longer for validate to reject.
  const settled = (i: DataIssue) =>
    i.code === 'unmatched-unit' ||
    i.code === 'unmatched-leader' ||
    (i.field === 'due' && (i.code === 'unreadable-timeline' || i.code === 'missing-field'));
  const writes = [];
  if (more.units.length > 0)
    writes.push({
      path: files.units,
      text: appendRows(effects.readText(files.units), ['id', 'name', 'short_name'], more.units),
    });
  if (more.leaders.length > 0)
    writes.push({
      path: files.leaders,
      text: appendRows(effects.readText(files.leaders), ['id', 'title'], more.leaders),
    });
  const issues = [...result.issues.filter((i) => !settled(i)), ...more.issues];
  return { plan: more.plan, tasks: more.tasks, issues, writes, added: more.added };
}

function idsOf(refs: readonly NamedRef[]): Set<string> {
  return new Set(refs.map((r) => r.id));
}

/** The phrases of unit-groups.csv as patterns; undefined when there is no such file. */
function readGroups(effects: ImportEffects, file: string): RegExp[] | undefined {
  const text = effects.readText(file);
  if (text === undefined) return undefined;
  const phrases = parseCsv(file, text).table.rows.map((r) => String(r.cells.phrase ?? '').trim());
  return makeGroupPatterns(phrases.filter(Boolean));
}

/** A CSV table with rows added at its end (a new table with a header when there was none). */
function appendRows(
  before: string | undefined,
  columns: readonly string[],
  rows: readonly Record<string, string>[],
): string {
  const lines = formatCsvRows(columns, rows);
  if (before === undefined || before.trim() === '') return `${columns.join(',')}\n${lines}`;
  const existing = parseCsv('table', before).table.columns;
  const ordered = formatCsvRows(existing.length > 0 ? existing : columns, rows);
  return `${before.replace(/\s*$/, '')}\n${ordered}`;
}

const NEXT_STEPS =
  'Next: review the files (OCR text keeps its errors: correct the spelling of titles and content), ' +
  'replace each "?name" with an id (adding the unit or leader if it is new, or use --add-units), fill what was not found, then run npm run validate.';
