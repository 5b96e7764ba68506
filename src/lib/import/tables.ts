/** Tables in a plan's text: pipe rows ("| a | b |"), tab-separated rows, and one cell per line under a header. */
import { foldOcr } from './fuzzy';

/** One row of a table as the text gives it: its cells ('' for an empty one) and the line it starts on. */
export interface TableRow {
  cells: string[];
  line: number;
}

/** A table found in the text, and the lines it took (blanked out of the text the outline is read from). */
export interface TextTable {
  line: number;
  rows: TableRow[];
  /** 1-based line numbers the table covers. */
  lines: number[];
}

/** Header words of a task table's columns, folded, each one whole cell ("STT", "Nhiệm vụ", "Cơ quan chủ trì" …). */
const HEADER_CELL =
  /^(?:stt|tt|so tt|so thu tu|nhiem vu|noi dung|noi dung nhiem vu|ten nhiem vu|nhiem vu cu the|noi dung cong viec|cong viec|hoat dong|(?:co quan|don vi|co quan don vi)(?: chu tri| phoi hop| thuc hien)(?: thuc hien)?|chu tri|phoi hop|thoi gian(?: hoan thanh| thuc hien)?|thoi han(?: hoan thanh| thuc hien)?|tien do(?: thuc hien| hoan thanh)?|san pham(?: du kien| dau ra)?|ket qua(?: san pham| du kien)?|ghi chu|kinh phi|nguon kinh phi|lanh dao(?: phu trach| chi dao)?)$/;

/** Whether a cell's text is a column header word of a task table. */
function isHeaderCell(text: string): boolean {
  return HEADER_CELL.test(foldOcr(text));
}

const SEPARATOR_ROW = /^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?$/;

/** Splits a pipe row into cells; `<br>` inside a cell stands for a line break. */
function pipeCells(raw: string): string[] {
  const inner = raw.trim().replace(/^\|/, '').replace(/\|$/, '');
  return inner.split('|').map((c) => c.replace(/<br\s*\/?>/gi, '\n').trim());
}

function isPipeRow(raw: string): boolean {
  const t = raw.trim();
  return (t.startsWith('|') && t.split('|').length >= 3) || (t.match(/\|/g) ?? []).length >= 3;
}

function isTabRow(raw: string): boolean {
  return (raw.match(/\t/g) ?? []).length >= 2;
}

/** Finds the tables of a text: runs of pipe rows or tab rows, and header cells one per line with their rows. */
export function findTables(rawLines: readonly string[]): TextTable[] {
  const tables: TextTable[] = [];
  let i = 0;
  while (i < rawLines.length) {
    const found =
      runOf(rawLines, i, isPipeRow, pipeCells) ?? runOf(rawLines, i, isTabRow, tabCells) ?? cellLines(rawLines, i);
    if (found) {
      tables.push(found);
      i = found.lines[found.lines.length - 1]!;
    } else i++;
  }
  return tables;
}

function tabCells(raw: string): string[] {
  return raw.split('\t').map((c) => c.trim());
}

/** A run of rows of one kind starting at index i (blank lines inside it allowed), or undefined when fewer than two. */
function runOf(
  rawLines: readonly string[],
  i: number,
  isRow: (raw: string) => boolean,
  cells: (raw: string) => string[],
): TextTable | undefined {
  if (!isRow(rawLines[i]!)) return undefined;
  const rows: TableRow[] = [];
  const lines: number[] = [];
  let j = i;
  while (j < rawLines.length) {
    const raw = rawLines[j]!;
    if (isRow(raw)) {
      lines.push(j + 1);
      if (!SEPARATOR_ROW.test(raw.trim())) rows.push({ cells: cells(raw), line: j + 1 });
    } else if (raw.trim() !== '' || !rawLines.slice(j + 1, j + 3).some(isRow)) break;
    j++;
  }
  return rows.length >= 2 ? { line: i + 1, rows, lines } : undefined;
}

const ROW_NUMBER = /^(?:\d{1,3}(?:\.\d{1,2})*|[IVX]{1,5}|[A-ZĐ])\s*[.)]?$/;
const GROUP_LINE = /^(?:[IVX]{1,5}|[A-ZĐ])\s*[.)]\s+\S/;
const END_OF_TABLE = /^(?:noi nhan|tm |kt |phu luc|ubnd|chu tich|giam doc)/;

/** Header cells one per line ("STT", "Nhiệm vụ", "Cơ quan chủ trì" …) and the rows under them, as a PDF or a web page pastes them. */
function cellLines(rawLines: readonly string[], i: number): TextTable | undefined {
  const header: string[] = [];
  let j = i;
  while (j < rawLines.length && (rawLines[j]!.trim() === '' || isHeaderCell(rawLines[j]!))) {
    if (rawLines[j]!.trim() !== '') header.push(rawLines[j]!.trim());
    else if (header.length === 0) break;
    j++;
  }
  if (header.length < 3 || !/^(?:stt|tt|so tt|so thu tu|nhiem vu|noi dung)/.test(foldOcr(header[0]!))) return undefined;
  const rows: TableRow[] = [{ cells: header, line: i + 1 }];
  const lines = Array.from({ length: j - i }, (_, k) => i + k + 1);
  let current: { texts: string[]; line: number } | undefined;
  const flush = () => {
    if (current) rows.push({ cells: spreadCells(current.texts, header), line: current.line });
  };
  for (; j < rawLines.length; j++) {
    const text = rawLines[j]!.trim();
    if (END_OF_TABLE.test(foldOcr(text))) break;
    lines.push(j + 1);
    if (text === '') continue;
    if (ROW_NUMBER.test(text) || GROUP_LINE.test(text)) {
      flush();
      current = { texts: [text], line: j + 1 };
    } else if (current) current.texts.push(text);
  }
  flush();
  return rows.length >= 2 ? { line: i + 1, rows, lines } : undefined;
}

const DEADLINE_LIKE =
  /^(?:(?:trong |truoc |tu |den |hoan thanh |thang |quy |nam |giai doan |hang |thuong xuyen|lien tuc)|\d{1,2} ?\/ ?\d{4}|\d{4}\b)/;

/** Spreads the lines of one row over the header's columns: one line a cell when they match, else by what each line looks like. */
function spreadCells(texts: readonly string[], header: readonly string[]): string[] {
  const cells = header.map(() => '');
  if (GROUP_LINE.test(texts[0]!) && texts.length === 1) {
    const m = /^(\S+?)\s*[.)]\s+(.*)$/.exec(texts[0]!)!;
    cells[0] = m[1]!;
    cells[1] = m[2]!;
    return cells;
  }
  cells[0] = texts[0]!.replace(/[.)]$/, '');
  const rest = texts.slice(1);
  if (rest.length === header.length - 1) {
    rest.forEach((t, k) => (cells[k + 1] = t));
    return cells;
  }
  const kinds = header.map((h) => foldOcr(h));
  const column = (test: (h: string) => boolean) => kinds.findIndex(test);
  const task = column((h) => /nhiem vu|noi dung|cong viec|hoat dong/.test(h));
  const time = column((h) => /thoi gian|thoi han|tien do/.test(h));
  const unitColumns = kinds.map((h, k) => (/chu tri|phoi hop|thuc hien$/.test(h) ? k : -1)).filter((k) => k >= 0);
  let unit = 0;
  for (const t of rest) {
    const folded = foldOcr(t);
    if (time >= 0 && cells[time] === '' && DEADLINE_LIKE.test(folded)) cells[time] = t;
    else if (unit < unitColumns.length && looksLikeUnits(folded) && cells[task] !== '') cells[unitColumns[unit++]!] = t;
    else if (task >= 0 && unit === 0) cells[task] = cells[task] ? `${cells[task]} ${t}` : t;
    else {
      const last = unitColumns[Math.max(0, unit - 1)] ?? task;
      cells[last] = `${cells[last]} ${t}`.trim();
    }
  }
  return cells;
}

function looksLikeUnits(folded: string): boolean {
  return /^(?:so|cac|ubnd|uy ban|phong|ban|bo|cuc|trung tam|van phong|cong an|bo chi huy|tinh doan|hoi|lien doan|mat tran|thanh tra|kho bac|ngan hang|dai|bao|don vi|co quan)\b/.test(
    folded,
  );
}
