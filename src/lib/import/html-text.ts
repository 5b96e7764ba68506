/** A Word file's HTML (as mammoth writes it) into the importer's text: a line a paragraph, tables as pipe rows. */

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (m, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#') && name !== '#39') return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name.toLowerCase()] ?? m;
  });
}

interface Cell {
  text: string[];
  colspan: number;
  rowspan: number;
}

/** The state of one conversion: lines written, the open tables, the current paragraph. */
class Converter {
  readonly lines: string[] = [];
  private text = '';
  private tables: Cell[][][] = [];
  private lists: { ordered: boolean; n: number }[] = [];
  private pendingPrefix = '';

  /** Adds text to the open paragraph or cell. */
  addText(t: string): void {
    this.text += decodeEntities(t).replace(/\s+/g, ' ');
  }

  /** Ends a paragraph: a line of its own, or a line of the open cell. */
  endBlock(): void {
    const t = this.text.trim();
    const prefix = this.pendingPrefix;
    this.text = '';
    if (!t) return;
    this.pendingPrefix = '';
    const cell = this.cell();
    if (cell) cell.text.push(prefix + t);
    else this.lines.push(prefix + t);
  }

  private cell(): Cell | undefined {
    const rows = this.tables[this.tables.length - 1];
    const row = rows?.[rows.length - 1];
    return row?.[row.length - 1];
  }

  tag(name: string, closing: boolean, attrs: string): void {
    const span = (a: string) => Math.min(50, Math.max(1, Number(new RegExp(`${a}="?(\\d+)`).exec(attrs)?.[1] ?? 1)));
    if (/^(?:p|h[1-6])$/.test(name)) return this.endBlock();
    if (name === 'br') return this.endBlock();
    if (name === 'ol' || name === 'ul') {
      this.endBlock();
      if (closing) this.lists.pop();
      else this.lists.push({ ordered: name === 'ol', n: 0 });
      return;
    }
    if (name === 'li') {
      this.endBlock();
      const list = this.lists[this.lists.length - 1];
      if (closing || !list) return;
      list.n++;
      this.pendingPrefix = list.ordered ? `${list.n}. ` : '- ';
      return;
    }
    if (name === 'table') {
      this.endBlock();
      if (!closing) this.tables.push([]);
      else this.writeTable(this.tables.pop() ?? []);
      return;
    }
    if (name === 'tr' && !closing) this.tables[this.tables.length - 1]?.push([]);
    if ((name === 'td' || name === 'th') && !closing) {
      const rows = this.tables[this.tables.length - 1];
      rows?.[rows.length - 1]?.push({ text: [], colspan: span('colspan'), rowspan: span('rowspan') });
    }
    if ((name === 'td' || name === 'th') && closing) this.endBlock();
  }

  /** Writes a table as pipe rows: a merged cell's text in every row it spans, once across the columns it spans. */
  private writeTable(rows: Cell[][]): void {
    const grid: string[][] = [];
    rows.forEach((row, r) => {
      grid[r] ??= [];
      let c = 0;
      for (const cell of row) {
        while (grid[r]![c] !== undefined) c++;
        const text = cell.text.join('<br>').replace(/\|/g, '/');
        for (let dr = 0; dr < cell.rowspan && r + dr < rows.length; dr++) {
          grid[r + dr] ??= [];
          for (let dc = 0; dc < cell.colspan; dc++) grid[r + dr]![c + dc] = dc === 0 ? text : '';
        }
        c += cell.colspan;
      }
    });
    const parent = this.cell();
    const width = Math.max(0, ...grid.map((r) => r.length));
    grid.forEach((row, r) => {
      // A cell across the whole table (a group title, a total) is written as a row of one cell.
      const only = rows[r]?.length === 1 && rows[r]![0]!.colspan >= width && width > 1;
      const cells = only ? [row[0] ?? ''] : Array.from(row, (c) => c ?? '');
      if (parent) parent.text.push(cells.filter(Boolean).join(' '));
      else this.lines.push(`| ${cells.join(' | ')} |`);
    });
    if (!parent) this.lines.push('');
  }
}

/** Converts mammoth's HTML to the importer's text; tables become pipe rows ("| STT | Nhiệm vụ | … |"). */
export function htmlToText(html: string): string {
  const converter = new Converter();
  for (const m of html.matchAll(/<(\/?)([a-z0-9]+)([^>]*)>|([^<]+)/gi)) {
    if (m[4] !== undefined) converter.addText(m[4]);
    else converter.tag(m[2]!.toLowerCase(), m[1] === '/', m[3] ?? '');
  }
  converter.endBlock();
  return `${converter.lines.join('\n')}\n`;
}

/** One piece of a PDF page's text layer: its text and where it starts. */
export interface PdfItem {
  str: string;
  x: number;
  y: number;
  width: number;
}

/** A run of items close together on one line: one cell of a table, or a line of text. */
interface Chunk {
  text: string;
  x: number;
  end: number;
}

/** The items of one line (same height) into chunks: a wide gap (a table's column) starts a new one. */
function chunksOf(line: readonly PdfItem[]): Chunk[] {
  const chunks: Chunk[] = [];
  let end = -Infinity;
  for (const item of line) {
    const charWidth = item.width / Math.max(1, item.str.length);
    const gap = item.x - end;
    const last = chunks[chunks.length - 1];
    end = item.x + item.width;
    if (!last || gap > Math.max(12, charWidth * 3)) chunks.push({ text: item.str, x: item.x, end });
    else {
      last.text += (gap > charWidth * 0.2 ? ' ' : '') + item.str;
      last.end = end;
    }
  }
  return chunks.map((c) => ({ ...c, text: c.text.replace(/\s+/g, ' ').trim() }));
}

function linesOf(items: readonly PdfItem[]): PdfItem[][] {
  const lines: PdfItem[][] = [];
  const sorted = items.filter((i) => i.str.trim() !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  for (const item of sorted) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(line[0]!.y - item.y) <= 3) line.push(item);
    else lines.push([item]);
  }
  return lines.map((l) => l.sort((a, b) => a.x - b.x));
}

const fold = (t: string) =>
  t
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();

/** A task table's header line: short cells, a task column, and a unit or time column. */
function isHeaderLine(chunks: readonly Chunk[]): boolean {
  const texts = chunks.map((c) => fold(c.text));
  return (
    chunks.length >= 3 &&
    texts.every((t) => t.length <= 40 && !t.includes(':')) &&
    !/^\d/.test(texts[0]!) &&
    texts.some((t) => /nhiem vu|noi dung/.test(t)) &&
    texts.some((t) => /chu tri|phoi hop|phan cong|thoi gian|thoi han|tien do/.test(t))
  );
}

const TABLE_END = /^(?:noi nhan|tm\.|kt\.|chu tich|giam doc)/;

/**
 * A PDF's text items into lines, top to bottom, chunks apart joined by tabs. Under a task table's header, each
 * chunk goes in the column whose header starts nearest to its left, so a cell wrapped over several lines keeps
 * its column (empty cells stay as empty tab fields).
 */
export function pdfPagesToText(pages: readonly (readonly PdfItem[])[]): string {
  const out: string[] = [];
  let columns: number[] | undefined;
  let header = '';
  for (const items of pages) {
    for (const line of linesOf(items)) {
      const chunks = chunksOf(line);
      if (columns && fold(chunks[0]!.text) === header) continue; // the header repeated on a new page
      if (!columns && isHeaderLine(chunks)) {
        header = fold(chunks[0]!.text);
        // A column starts halfway between the header words around it: headers are centred in their cells, while
        // the text under them starts at the cell's left edge.
        columns = chunks.map((c, k) => (k === 0 ? -Infinity : (chunks[k - 1]!.end + c.x) / 2));
      } else if (columns && TABLE_END.test(fold(chunks[0]!.text))) columns = undefined;
      out.push(columns ? placeInColumns(line, columns) : chunks.map((c) => c.text).join('\t'));
    }
    out.push('');
  }
  return `${out.join('\n')}\n`;
}

function placeInColumns(items: readonly PdfItem[], columns: readonly number[]): string {
  const cells = columns.map(() => '');
  for (const item of items) {
    const text = item.str.trim();
    if (!text) continue;
    let k = 0;
    for (let j = 0; j < columns.length; j++) if (columns[j]! <= item.x + 1) k = j;
    cells[k] = cells[k] ? `${cells[k]} ${text}` : text;
  }
  return cells.join('\t');
}
