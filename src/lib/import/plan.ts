/** Reading a plan's text into plan.json and tasks.csv rows, with everything a person must check. */
import { errorAt, warningAt, type DataIssue } from '../data/problems';
import { MAX_PLAN_YEARS } from '../data/schema';
import { readDocument } from './document';
import type { TaskDraft } from './drafts';
import { resolveDuties } from './duties';
import type { Refs } from './names';
import type { PlanJson, TaskRow } from './output';
import { readPreamble, type PlanHeading } from './preamble';
import { resolveTask } from './rows';

/** What to read the text with. */
export interface ImportOptions {
  /** The plan text's path, for messages. */
  file: string;
  /** The plan's year; read from the timelines when absent. */
  year?: number | undefined;
  refs: Refs;
  unitsFile: string;
  leadersFile: string;
}

/** Where the plan's year came from. */
export type YearSource = 'option' | 'title' | 'timelines' | 'issued_on' | 'text';

/** The plan and tasks read, and every problem found, errors being what `npm run validate` would reject. */
export type ImportResult =
  | { ok: true; plan: PlanJson; tasks: TaskRow[]; issues: DataIssue[]; yearSource: YearSource }
  | { ok: false; issues: DataIssue[] };

/** Reads a plan's plain text: its outline, sections and tasks, its appendix tables, names matched against the refs. */
export function importPlan(text: string, options: ImportOptions): ImportResult {
  const doc = readDocument(text, options.file);
  const heading = readPreamble(doc.outline.preamble);
  const year = chooseYear(options.year, doc.drafts, heading, text);
  if (!year) {
    return {
      ok: false,
      issues: [errorAt({ file: options.file }, 'no-year', 'names no year; give one with --year 2024')],
    };
  }
  const issues: DataIssue[] = [...doc.issues, ...headingIssues(options.file, heading)];
  if (doc.outline.parts.length === 0 && doc.drafts.length === 0)
    issues.push(
      errorAt({ file: options.file }, 'no-parts', 'has no part numbered "I." (expected I., II., III. headings)'),
    );
  else if (doc.drafts.length === 0)
    issues.push(
      errorAt(
        { file: options.file },
        'no-tasks',
        'has no task: no item with "Chỉ đạo thực hiện", "Đơn vị chủ trì", "Thời gian thực hiện", "… chủ trì", and no task table',
      ),
    );
  const ctx = { ...options, year: year.value };
  const tasks = doc.drafts.map((draft) => {
    const resolved = resolveTask(draft, ctx);
    issues.push(...resolved.issues);
    return resolved.row;
  });
  const duties = doc.dutiesAsTasks ? [] : resolveDuties(doc.duties, ctx, issues);
  const plan: PlanJson = {
    year: year.value,
    ...(year.end ? { end_year: year.end } : {}),
    title: heading.title,
    ...(heading.number ? { number: heading.number } : {}),
    ...(heading.issuedOn ? { issued_on: heading.issuedOn } : {}),
    ...(heading.basis ? { basis: heading.basis } : {}),
    sections: doc.sections,
    ...(duties.length > 0 ? { duties } : {}),
  };
  return { ok: true, plan, tasks, issues, yearSource: year.source };
}

function headingIssues(file: string, heading: PlanHeading): DataIssue[] {
  const issues: DataIssue[] = [];
  if (!heading.title)
    issues.push(errorAt({ file }, 'no-title', 'has no title lines before "Căn cứ"; title left empty'));
  if (!heading.basis) issues.push(warningAt({ file }, 'no-basis', 'has no "Căn cứ …" paragraph; basis left out'));
  return issues;
}

const YEAR = /\b(19|20)\d{2}\b/g;

function commonestYear(text: string): number | undefined {
  const counts = new Map<string, number>();
  for (const [y] of text.matchAll(YEAR)) counts.set(y, (counts.get(y) ?? 0) + 1);
  const best = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
  return best ? Number(best[0]) : undefined;
}

/** The plan's year: --year, else the first of a range in the title (2025–2030), the commonest year in the timelines, the date issued, or the text; and the range's last year. */
function chooseYear(
  option: number | undefined,
  drafts: readonly TaskDraft[],
  heading: PlanHeading,
  text: string,
): { value: number; end?: number | undefined; source: YearSource } | undefined {
  const range = /\b((?:19|20)\d{2})\s*[-–—]\s*((?:19|20)\d{2})\b/.exec(heading.title);
  const [from, to] = range ? [Number(range[1]), Number(range[2])] : [0, 0];
  const inRange = (y: number) => (to > y && to <= y + MAX_PLAN_YEARS ? to : undefined);
  if (option) return { value: option, end: inRange(option), source: 'option' };
  if (range && inRange(from)) return { value: from, end: to, source: 'title' };
  const fromTimelines = commonestYear(drafts.map((d) => d.fields.timeline?.text ?? '').join(' '));
  if (fromTimelines) return { value: fromTimelines, source: 'timelines' };
  if (heading.issuedOn) return { value: Number(heading.issuedOn.slice(0, 4)), source: 'issued_on' };
  const fromText = commonestYear(text);
  return fromText ? { value: fromText, source: 'text' } : undefined;
}
