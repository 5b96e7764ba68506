/** What `npm run collect` prints of each form: its unit, the reports it adds, those already in, and the rows left blank. */
import { formatDateVi } from '../dates';
import { REPORTED_LABELS } from '../status/status';
import type { FormOutcome, NewReport } from './check';

/** The lines describing one form's outcome. */
export function describeOutcome(outcome: FormOutcome): string[] {
  const who = outcome.unit ? `${outcome.unit.name} (${outcome.unit.id})` : 'unit unknown';
  const lines = [`${who} — ${outcome.file}: ${count(outcome.reports.length, 'report')} to add`];
  for (const r of outcome.reports) lines.push(`  + ${describeReport(r)}`);
  for (const r of outcome.already) lines.push(`  = ${r.planId} ${r.taskId}: already in the data, not added again`);
  if (outcome.blank > 0) lines.push(`  ${count(outcome.blank, 'task')} left blank (nothing new)`);
  return lines;
}

// One report as a line: plan, task, status, percent, completion date and the start of the note.
function describeReport(r: NewReport): string {
  const parts = [REPORTED_LABELS[r.status]];
  if (r.percent !== undefined) parts.push(`${r.percent}%`);
  if (r.completedOn) parts.push(`hoàn thành ${formatDateVi(r.completedOn)}`);
  const note = r.note.replace(/\s+/g, ' ');
  const shown = note.length > 60 ? `${note.slice(0, 59)}…` : note;
  return `${r.planId} ${r.taskId}: ${parts.join(', ')}${shown ? ` — ${shown}` : ''}`;
}

/** "1 report", "3 reports". */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
