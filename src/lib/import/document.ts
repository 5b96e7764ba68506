/** A plan's whole text: the outline of its body, its task tables, and which of them say what the tasks are. */
import { warningAt, type DataIssue } from '../data/problems';
import { readAppendix, type AppendixResult } from './appendix';
import { addProseFields, collectOutline, type DutyDraft, type SectionJson, type TaskDraft } from './drafts';
import { foldOcr } from './fuzzy';
import { joinTables } from './join';
import { toParagraphs } from './paragraphs';
import { cleanLine, parseOutline, type Outline } from './structure';
import { findTables, type TextTable } from './tables';
import { headingTitle, shortTitle } from './titles';

/** What the text holds, before names and timelines are resolved. */
export interface PlanDocument {
  outline: Outline;
  sections: SectionJson[];
  drafts: TaskDraft[];
  /** Per-unit duties ("Tổ chức thực hiện: 1. Sở Công Thương: …"); tasks themselves when the plan lists no others. */
  duties: DutyDraft[];
  dutiesAsTasks: boolean;
  issues: DataIssue[];
}

const APPENDIX = /^ph[a-z]{1,2} l[a-z]{1,2}c\b/;

/** Reads the outline, the tables (blanked out of the outline's text, line numbers kept) and joins them. */
export function readDocument(text: string, file: string): PlanDocument {
  const raw = text.split(/\r\n|\r|\n/);
  const tables = findTables(raw);
  const read = tables.map((t, k) => ({
    table: t,
    result: readAppendix(t, tableId(k, tables.length), tableTitle(raw, t)),
  }));
  const used = read.filter((r): r is { table: TextTable; result: AppendixResult } => r.result !== undefined);
  const blank = new Set(tables.flatMap((t) => t.lines));
  // The appendix (from its "PHỤ LỤC" line on) is read as tables, not folded into the last section's text.
  const firstUsed = used[0]?.table.line ?? Infinity;
  const appendixAt = raw.findIndex((l, i) => i + 1 < firstUsed && i + 1 > firstUsed - 40 && APPENDIX.test(foldOcr(l)));
  const outline = parseOutline(
    raw.map((l, i) => (blank.has(i + 1) || (appendixAt >= 0 && i >= appendixAt) ? '' : l)).join('\n'),
  );
  const content = collectOutline(outline);
  const tableDrafts = used.flatMap((r) => r.result.drafts);
  const body = joinTables(content.drafts, content.items, tableDrafts);
  const sections = [...content.sections, ...used.flatMap((r) => r.result.sections)];
  const issues = read
    .filter((r) => !r.result)
    .map((r) =>
      warningAt(
        { file, line: r.table.line },
        'unused-table',
        `a table of ${r.table.rows.length} rows was seen but not read as tasks: its header (${quoteCells(r.table)}) names no "Nhiệm vụ" column with a "Cơ quan chủ trì" or "Thời gian" column; check whether it lists tasks`,
      ),
    );
  const drafts = [...body, ...tableDrafts];
  if (drafts.length > 0 || content.duties.length === 0)
    return { outline, sections, drafts, duties: content.duties, dutiesAsTasks: false, issues };
  // A plan with no other task list: each unit's duties are its tasks.
  return {
    outline,
    sections: withDutySections(sections, content.duties),
    drafts: dutyDrafts(content.duties),
    duties: content.duties,
    dutiesAsTasks: true,
    issues,
  };
}

function tableId(k: number, count: number): string {
  return count > 1 ? `PL${k + 1}` : 'PL';
}

function quoteCells(table: TextTable): string {
  return table.rows[0]!.cells.map((c) => `"${cleanLine(c).slice(0, 30)}"`).join(' | ');
}

/** The appendix's title: the lines just above its table ("PHỤ LỤC I", "DANH MỤC NHIỆM VỤ …"). */
function tableTitle(raw: readonly string[], table: TextTable): string {
  const above: string[] = [];
  for (let i = table.line - 2; i >= 0 && above.length < 4; i--) {
    const line = cleanLine(raw[i]!);
    if (line === '') {
      if (above.length > 0) break;
      continue;
    }
    if (/[.;:]$/.test(line) && !APPENDIX.test(foldOcr(line))) break;
    above.unshift(line);
  }
  const title = above.filter((l) => !APPENDIX.test(foldOcr(l)) && !/^\(.*\)$/.test(l)).join(' ');
  return title ? headingTitle(title) : 'Phụ lục';
}

function withDutySections(sections: SectionJson[], duties: readonly DutyDraft[]): SectionJson[] {
  const out = [...sections];
  const has = (id: string) => out.some((s) => s.id === id);
  for (const d of duties) {
    const container = d.container;
    if (!has(container.id))
      out.push({ id: container.id, title: headingTitle(container.heading.join(' ')) || container.id });
    if (!has(d.node.id)) out.push({ id: d.node.id, parent: container.id, title: d.name });
  }
  return out;
}

/** Each bullet or numbered line of a unit's duties is a task it leads; duties without a list are one task. */
function dutyDrafts(duties: readonly DutyDraft[]): TaskDraft[] {
  return duties.flatMap((d) => {
    const paragraphs = toParagraphs(d.text.split('\n'));
    const listed = paragraphs.filter((p) => p.kind !== 'text');
    const items =
      listed.length > 0 ? listed : [{ kind: 'text' as const, text: paragraphs.map((p) => p.text).join(' ') }];
    return items.map((p, k) => {
      const draft: TaskDraft = {
        id: `${d.node.id}.${k + 1}`,
        section: d.node.id,
        line: d.line,
        title: shortTitle(p.text),
        content: p.text,
        fields: { lead_units: { text: d.name, line: d.line } },
        extras: [],
      };
      addProseFields(draft, p.text, d.line);
      return draft;
    });
  });
}
