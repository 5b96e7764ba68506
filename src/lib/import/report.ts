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
}

const YEAR_FROM: Record<YearSource, string> = {
  option: 'from --year',
  timelines: 'read from the timelines; use --year to change it',
  issued_on: 'the year it was issued; use --year to change it',
  text: 'the commonest year in the text; use --year to change it',
};

/** Formats the summary, one string a line. */
export function formatReport(r: ReportInput): string[] {
  const { plan, tasks } = r;
  const lines = [
    `Read ${r.input}: ${plan.sections.length} section(s), ${tasks.length} task(s); plan year ${plan.year} (${YEAR_FROM[r.yearSource]}).`,
    `Title: ${plan.title || '(not found)'}`,
    '',
    'Sections:',
    ...plan.sections.map((s) => `  ${s.id.padEnd(8)} ${s.title}${s.summary ? ' (with its text as summary)' : ''}`),
    '',
    'Tasks:',
    ...tasks.flatMap((t) => [
      `  ${t.id.padEnd(8)} ${t.title}`,
      `  ${''.padEnd(8)} due ${t.due || '?'} · directed_by ${t.directed_by || '-'} · lead_units ${t.lead_units || '-'} · support_units ${t.support_units || '-'}`,
    ]),
  ];
  const names = unmatchedNames(tasks);
  if (names.length > 0) {
    lines.push(
      '',
      `Names that match nothing, written as "?name": add them to ${r.unitsFile} or ${r.leadersFile}, or correct the cell:`,
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
