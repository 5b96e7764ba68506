/** The summary printed after an import: sections, tasks, names to add, fields not found. */
import { formatIssue, sortIssues, type DataIssue } from '../data/problems';
import type { PlanJson, TaskRow } from './output';
import type { YearSource } from './plan';

/** What was read, for the summary. */
export interface ReportInput {
  plan: PlanJson;
  tasks: readonly TaskRow[];
  issues: readonly DataIssue[];
  yearSource: YearSource;
  input: string;
  unitsFile: string;
  leadersFile: string;
  /** Units and leaders --add-units added. */
  added?: readonly AddedRef[] | undefined;
}

/** A unit or leader added to units.csv or leaders.csv by --add-units. */
export interface AddedRef {
  file: string;
  id: string;
  name: string;
  shortName?: string | undefined;
}

const YEAR_FROM: Record<YearSource, string> = {
  option: 'from --year',
  title: 'the first year of the range in the title',
  timelines: 'read from the timelines; use --year to change it',
  issued_on: 'the year it was issued; use --year to change it',
  text: 'the commonest year in the text; use --year to change it',
};

/** Formats the summary, one string a line: a table of sections and tasks, what was added, what to check. */
export function formatReport(r: ReportInput): string[] {
  const { plan, tasks } = r;
  const years = plan.end_year ? `${plan.year}–${plan.end_year}` : String(plan.year);
  const lines = [
    `Read ${r.input}: ${plan.sections.length} section(s), ${tasks.length} task(s)${plan.duties?.length ? `, ${plan.duties.length} unit dut(ies)` : ''}; plan year ${years} (${YEAR_FROM[r.yearSource]}).`,
    `Title: ${plan.title || '(not found)'}`,
    '',
    'Sections:',
    ...formatTable(
      ['id', 'title'],
      plan.sections.map((s) => [s.id, `${s.title}${s.summary ? ' (with its text as summary)' : ''}`]),
    ),
    '',
    'Tasks:',
    ...formatTable(
      ['id', 'title', 'lead', 'due'],
      tasks.map((t) => [t.id, t.title, t.lead_units || '-', t.due || '?']),
    ),
  ];
  if (r.added && r.added.length > 0) {
    lines.push('', `Added (--add-units):`);
    for (const a of r.added)
      lines.push(
        `  ${a.file}: ${a.id} ${JSON.stringify(a.name)}${a.shortName && a.shortName !== a.name ? ` (${a.shortName})` : ''}`,
      );
  }
  const names = unmatchedNames(tasks);
  if (names.length > 0) {
    lines.push(
      '',
      `Names that match nothing, written as "?name": add them to ${r.unitsFile} or ${r.leadersFile} (or run again with --add-units), or correct the cell:`,
    );
    for (const n of names) lines.push(`  ${n.kind} ${JSON.stringify(n.name)}: ${n.tasks.join(', ')}`);
  }
  // Names that matched nothing are listed above, once each.
  const issues = r.issues.filter((i) => i.code !== 'unmatched-unit' && i.code !== 'unmatched-leader');
  if (issues.length > 0) {
    const errors = issues.filter((i) => i.level === 'error').length;
    lines.push('', `To check (${errors} that npm run validate will reject, ${issues.length - errors} to review):`);
    for (const issue of sortIssues(issues)) lines.push(`  ${formatIssue(issue)}`);
  }
  return lines;
}

const MAX_CELL = 70;

/** Columns padded to their widest cell (cells cut at MAX_CELL characters with "…"). */
function formatTable(header: readonly string[], rows: readonly string[][]): string[] {
  const cut = (c: string) => (c.length > MAX_CELL ? `${c.slice(0, MAX_CELL - 1)}…` : c);
  const all = [header.map((h) => h), ...rows.map((r) => r.map(cut))];
  const widths = header.map((_, k) => Math.max(...all.map((r) => r[k]!.length)));
  const line = (r: readonly string[]) =>
    `  ${r.map((c, k) => (k < r.length - 1 ? c.padEnd(widths[k]!) : c)).join(' | ')}`;
  return [line(all[0]!), `  ${widths.map((w) => '-'.repeat(w)).join('-|-')}`, ...all.slice(1).map(line)];
}

/** Every "?name" in the rows, with the tasks it appears in. */
function unmatchedNames(tasks: readonly TaskRow[]): { kind: 'unit' | 'leader'; name: string; tasks: string[] }[] {
  const found = new Map<string, { kind: 'unit' | 'leader'; name: string; tasks: string[] }>();
  for (const t of tasks) {
    for (const column of ['directed_by', 'lead_units', 'support_units'] as const) {
      const kind = column === 'directed_by' ? 'leader' : 'unit';
      for (const part of t[column].split(';')) {
        if (!part.startsWith('?')) continue;
        const key = `${kind}:${part}`;
        const entry = found.get(key) ?? { kind, name: part.slice(1), tasks: [] };
        if (!entry.tasks.includes(t.id)) entry.tasks.push(t.id);
        found.set(key, entry);
      }
    }
  }
  return [...found.values()];
}
