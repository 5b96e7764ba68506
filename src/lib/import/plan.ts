/** Reading a plan's text into plan.json and tasks.csv rows, with everything a person must check. */
import { errorAt, warningAt, type DataIssue } from '../data/problems';
import { collectOutline, type TaskDraft } from './drafts';
import type { Refs } from './names';
import type { PlanJson, TaskRow } from './output';
import { readPreamble } from './preamble';
import { resolveTask } from './rows';
import { parseOutline } from './structure';

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
export type YearSource = 'option' | 'timelines' | 'issued_on' | 'text';

/** The plan and tasks read, and every problem found, errors being what `npm run validate` would reject. */
export type ImportResult =
  | { ok: true; plan: PlanJson; tasks: TaskRow[]; issues: DataIssue[]; yearSource: YearSource }
  | { ok: false; issues: DataIssue[] };

/** Reads a plan's plain text: its outline, sections and tasks, names matched against the refs. */
export function importPlan(text: string, options: ImportOptions): ImportResult {
  const outline = parseOutline(text);
  const heading = readPreamble(outline.preamble);
  const { sections, drafts } = collectOutline(outline);
  const year = chooseYear(options.year, drafts, heading.issuedOn, text);
  if (!year) {
    return {
      ok: false,
      issues: [errorAt({ file: options.file }, 'no-year', 'names no year; give one with --year 2024')],
    };
  }
  const issues: DataIssue[] = [];
  if (outline.parts.length === 0)
    issues.push(
      errorAt({ file: options.file }, 'no-parts', 'has no part numbered "I." (expected I., II., III. headings)'),
    );
  else if (drafts.length === 0)
    issues.push(
      errorAt(
        { file: options.file },
        'no-tasks',
        'has no task: no item with "Chỉ đạo thực hiện", "Đơn vị tham mưu thực hiện" or "Thời gian thực hiện"',
      ),
    );
  if (!heading.title)
    issues.push(errorAt({ file: options.file }, 'no-title', 'has no title lines before "Căn cứ"; title left empty'));
  if (!heading.basis)
    issues.push(warningAt({ file: options.file }, 'no-basis', 'has no "Căn cứ …" paragraph; basis left out'));
  const tasks = drafts.map((draft) => {
    const resolved = resolveTask(draft, { ...options, year: year.value });
    issues.push(...resolved.issues);
    return resolved.row;
  });
  const plan: PlanJson = {
    year: year.value,
    title: heading.title,
    ...(heading.number ? { number: heading.number } : {}),
    ...(heading.issuedOn ? { issued_on: heading.issuedOn } : {}),
    ...(heading.basis ? { basis: heading.basis } : {}),
    sections,
  };
  return { ok: true, plan, tasks, issues, yearSource: year.source };
}

const YEAR = /\b(19|20)\d{2}\b/g;

function commonestYear(text: string): number | undefined {
  const counts = new Map<string, number>();
  for (const [y] of text.matchAll(YEAR)) counts.set(y, (counts.get(y) ?? 0) + 1);
  const best = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
  return best ? Number(best[0]) : undefined;
}

/** The plan's year: --year, else the commonest year in the timelines, the date issued, or the text. */
function chooseYear(
  option: number | undefined,
  drafts: readonly TaskDraft[],
  issuedOn: string | undefined,
  text: string,
): { value: number; source: YearSource } | undefined {
  if (option) return { value: option, source: 'option' };
  const fromTimelines = commonestYear(drafts.map((d) => d.fields.timeline?.text ?? '').join(' '));
  if (fromTimelines) return { value: fromTimelines, source: 'timelines' };
  if (issuedOn) return { value: Number(issuedOn.slice(0, 4)), source: 'issued_on' };
  const fromText = commonestYear(text);
  return fromText ? { value: fromText, source: 'text' } : undefined;
}
