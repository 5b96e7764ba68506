/** Appendix task tables (Phụ lục: STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian | Sản phẩm) into sections and task drafts. */
import type { FieldText, SectionJson, TaskDraft } from './drafts';
import { foldOcr } from './fuzzy';
import { toMarkdown, toParagraphs } from './paragraphs';
import type { TableRow, TextTable } from './tables';
import { headingTitle, shortTitle } from './titles';

/** What a column of a task table holds. */
type Column = 'stt' | 'task' | 'assign' | 'lead' | 'support' | 'time' | 'product' | 'note' | 'leader';

/** Reads a header cell's folded words as a column, support before lead ("Cơ quan thực hiện Phối hợp"). */
function columnOf(folded: string): Column | undefined {
  // Header cells are a few words; a longer cell is text ("Chủ trì: Sở Công Thương … theo nhiệm vụ 2").
  if (folded.length > 60) return undefined;
  if (/^(?:stt|tt|so tt|so thu tu)$/.test(folded)) return 'stt';
  // "Phân công nhiệm vụ" / "Phân công thực hiện": cells that say "Chủ trì: …" then "Phối hợp: …".
  if (/phan cong/.test(folded)) return 'assign';
  if (/phoi hop/.test(folded)) return 'support';
  if (/chu tri|^(?:co quan|don vi)(?: thuc hien)?$|trach nhiem thuc hien/.test(folded)) return 'lead';
  if (/thoi gian|thoi han|tien do|moc/.test(folded)) return 'time';
  if (/san pham|ket qua/.test(folded)) return 'product';
  if (/ghi chu/.test(folded)) return 'note';
  if (/lanh dao|chi dao/.test(folded)) return 'leader';
  if (/nhiem vu|noi dung|cong viec|hoat dong|de an|giai phap/.test(folded)) return 'task';
  return undefined;
}

/** The columns of a table, from its first header rows joined cell by cell; undefined when it is no task table. */
function readColumns(rows: readonly TableRow[]): { columns: (Column | undefined)[]; body: number } | undefined {
  for (let headerRows = 1; headerRows <= Math.min(3, rows.length - 1); headerRows++) {
    const width = Math.max(...rows.slice(0, headerRows).map((r) => r.cells.length));
    const columns = Array.from({ length: width }, (_, k) =>
      columnOf(
        foldOcr(
          rows
            .slice(0, headerRows)
            .map((r) => r.cells[k] ?? '')
            .join(' '),
        ),
      ),
    );
    if (
      columns.includes('task') &&
      (columns.includes('lead') || columns.includes('assign') || columns.includes('time'))
    ) {
      // A row of column numbers under the header: "(1) (2) (3)" or "1 2 3".
      // Header words wrapped onto the next line ("Thời gian hoàn" / "thành"), and a row of column numbers
      // ("(1) (2) (3)"), belong to the header.
      let body = headerRows;
      while (
        rows[body] &&
        rows[body]!.cells.every(
          (c, k) =>
            !c.trim() ||
            (columns[k] !== 'task' && columns[k] !== 'stt' && c.length < 30) ||
            /^\(?\d{0,2}\)?$/.test(c.trim()),
        )
      )
        body++;
      return { columns, body };
    }
  }
  return undefined;
}

/** What an appendix table gave: its sections (a top one, and one per group row) and its tasks. */
export interface AppendixResult {
  sections: SectionJson[];
  drafts: TaskDraft[];
}

interface Row {
  cells: Partial<Record<Column, string>>;
  line: number;
  /** One cell across the whole table ("| Tổng kinh phí … |"): a group row or a note, never part of a task. */
  spanning?: boolean;
}

/** Reads a task table into sections and drafts; `id` is its section's id (PL, PL1 …), `title` the appendix's title. */
export function readAppendix(table: TextTable, id: string, title: string): AppendixResult | undefined {
  const layout = readColumns(table.rows);
  if (!layout) return undefined;
  const rows = table.rows.slice(layout.body).map((r): Row => {
    const cells: Partial<Record<Column, string>> = {};
    layout.columns.forEach((c, k) => {
      const text = (r.cells[k] ?? '').trim();
      if (c && text) cells[c] = cells[c] ? `${cells[c]}\n${text}` : text;
    });
    return { cells, line: r.line, spanning: r.cells.length === 1 && layout.columns.length > 1 };
  });
  // With numbered rows (a numbered column, or "1. …" opening the task cell), a row without a number goes on the row
  // before it (a cell wrapped, or split by a page).
  const startsRow = (r: Row) => Boolean(r.cells.stt) || /^\d{1,3}\s*[.)]\s/.test(r.cells.task ?? '');
  const numbered = rows.some(startsRow);
  const out: AppendixResult = { sections: [{ id, title: title || 'Phụ lục' }], drafts: [] };
  let section = id;
  let last: { row: Row; draft: TaskDraft } | undefined;
  let count = 0;
  rows.forEach((row, k) => {
    const group = groupMark(row, rows[k + 1]);
    if (group) {
      section = `${id}.${group.mark}`;
      out.sections.push({ id: section, parent: id, title: headingTitle(group.title) });
      last = undefined;
      return;
    }
    if (row.spanning || (!row.cells.task && !row.cells.lead && !row.cells.assign && !row.cells.time)) return;
    // Without a numbered column, a row with text alone (a total, a note) is no task.
    if (!numbered && !row.cells.lead && !row.cells.assign && !row.cells.support && !row.cells.time) return;
    if (last && numbered && !startsRow(row)) {
      joinRow(last.row, row);
      last.draft = { ...rowDraft(last.row, last.draft.id, section), notes: last.draft.notes };
      out.drafts[out.drafts.length - 1] = last.draft;
      return;
    }
    count++;
    // A lead cell merged over several rows is printed once (a PDF): the rows under it have none of their own.
    const inherited = !row.cells.lead && !row.cells.assign && last?.row.cells.lead ? last.row.cells.lead : undefined;
    if (inherited) row.cells.lead = inherited;
    const inCell = /^(\d{1,3})\s*[.)]\s+/.exec(row.cells.task ?? '');
    const mark = row.cells.stt ? cleanMark(row.cells.stt) : inCell ? inCell[1]! : String(count);
    const draft = rowDraft(row, uniqueId(`${section}.${mark}`, out.drafts), section);
    if (inherited)
      draft.notes = [
        { text: 'no lead unit in its row; took the one above (a merged cell?): check it', line: row.line },
      ];
    out.drafts.push(draft);
    last = { row, draft };
  });
  return out;
}

/** A group row: I., II., A., B. (or 1. over 1.1, 1.2 …) with a title and no unit or deadline. */
function groupMark(row: Row, next: Row | undefined): { mark: string; title: string } | undefined {
  const { stt = '', task = '', lead, support, time } = row.cells;
  if (lead || support || time) return undefined;
  const inline = /^((?:[IVX]{1,5}|[A-ZĐ]))\s*[.)]\s+(.+)$/su.exec(stt || task);
  if (inline && (!stt || !task)) return { mark: markOf(inline[1]!), title: inline[2]! };
  const mark = stt.replace(/[.)]\s*$/, '');
  if (/^(?:[IVX]{1,5}|[A-ZĐ])$/.test(mark) && task) return { mark: markOf(mark), title: task };
  if (/^\d{1,2}$/.test(mark) && task && next?.cells.stt?.startsWith(`${mark}.`)) return { mark, title: task };
  return undefined;
}

function markOf(mark: string): string {
  return mark.toUpperCase();
}

function cleanMark(stt: string): string {
  return (
    stt
      .replace(/[.)]+\s*$/, '')
      .replace(/[^\p{L}\p{N}.]+/gu, '-')
      .replace(/^[.-]+|[.-]+$/g, '') || '0'
  );
}

function uniqueId(id: string, drafts: readonly TaskDraft[]): string {
  let out = id;
  for (let n = 2; drafts.some((d) => d.id === out); n++) out = `${id}-${n}`;
  return out;
}

/** A cell continued on the next row (or the next page) goes on its row; a repeated merged cell is not added twice. */
function joinRow(into: Row, row: Row): void {
  for (const [column, text] of Object.entries(row.cells) as [Column, string][]) {
    const before = into.cells[column];
    if (!before) into.cells[column] = text;
    // A new line of the cell where the text before it ended a sentence, or where a list item starts; else a wrap.
    else if (before !== text)
      into.cells[column] =
        /[.;:!?]$/.test(before) || /^[-+•*]\s/.test(text) ? `${before}\n${text}` : `${before} ${text}`;
  }
}

function field(text: string | undefined, line: number): FieldText | undefined {
  const clean = text?.replace(/\s*\n\s*/g, ' ').trim();
  return clean ? { text: clean, line } : undefined;
}

/** Splits an assignment cell ("Chủ trì: Sở Công Thương.\nPhối hợp: Sở Tài chính, …") into lead and support; without labels it is the lead. */
function splitAssignment(cells: Partial<Record<Column, string>>): void {
  const text = cells.assign!.replace(/\s+/g, ' ');
  const lead = /chủ trì\s*:\s*(.*?)(?=\s*phối hợp\s*:|$)/iu.exec(text);
  const support = /phối hợp\s*:\s*(.*)$/iu.exec(text);
  if (!lead && !support) cells.lead ??= text;
  // "Sở Công Thương (cân đối nguồn, cấp phép); Sở NN&MT (GPMB)": what each does, in brackets, is not a name.
  const names = (m: RegExpExecArray | null) =>
    m?.[1]!
      .replace(/\([^)]*\)/g, '')
      .replace(/[\s.;,]+$/, '')
      .trim();
  if (lead) cells.lead ??= names(lead);
  if (support) cells.support ??= names(support);
}

/** A task cell's title: without its own number ("1. "), up to a colon that ends a heading ("Kiểm kê …: rà soát …"). */
function cellTitle(task: string): string {
  const first = (task.split('\n')[0] ?? '').replace(/^\d{1,3}\s*[.)]\s+/, '');
  const colon = first.indexOf(':');
  return shortTitle(colon >= 20 ? first.slice(0, colon) : first);
}

/** A row's draft: the task cell is the content and title; the product and note follow under their labels. */
function rowDraft(whole: Row, id: string, section: string): TaskDraft {
  // The assignment cell is read once its row is whole (a PDF gives it a line at a time).
  const row = { ...whole, cells: { ...whole.cells } };
  if (row.cells.assign) splitAssignment(row.cells);
  const { task = '', product, note } = row.cells;
  const blocks = [toMarkdown(toParagraphs(task.split('\n')))];
  if (product) blocks.push(`**Sản phẩm:** ${product.replace(/\s*\n\s*/g, '; ')}`);
  if (note) blocks.push(`**Ghi chú:** ${note.replace(/\s*\n\s*/g, '; ')}`);
  const fields: TaskDraft['fields'] = {};
  const lead = field(row.cells.lead, row.line);
  const support = field(row.cells.support, row.line);
  const time = field(row.cells.time, row.line);
  const leader = field(row.cells.leader, row.line);
  if (lead) fields.lead_units = lead;
  if (support) fields.support_units = support;
  if (time) fields.timeline = time;
  if (leader) fields.directed_by = leader;
  const content = blocks.filter(Boolean).join('\n\n');
  return { id, section, line: row.line, title: cellTitle(task), content, fields, extras: [] };
}
