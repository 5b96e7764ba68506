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
    for (const row of grid) {
      const cells = Array.from(row, (c) => c ?? '');
      if (parent) parent.text.push(cells.filter(Boolean).join(' '));
      else this.lines.push(`| ${cells.join(' | ')} |`);
    }
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

/** A PDF's text items into lines, top to bottom; a wide gap between items (a table's columns) becomes a tab. */
export function pdfPagesToText(pages: readonly (readonly PdfItem[])[]): string {
  const out: string[] = [];
  for (const items of pages) {
    const lines: PdfItem[][] = [];
    const sorted = items.filter((i) => i.str.trim() !== '').sort((a, b) => b.y - a.y || a.x - b.x);
    for (const item of sorted) {
      const line = lines[lines.length - 1];
      if (line && Math.abs(line[0]!.y - item.y) <= 3) line.push(item);
      else lines.push([item]);
    }
    for (const line of lines) {
      line.sort((a, b) => a.x - b.x);
      let text = '';
      let end = -Infinity;
      for (const item of line) {
        const charWidth = item.width / Math.max(1, item.str.length);
        const gap = item.x - end;
        text += end === -Infinity ? '' : gap > Math.max(12, charWidth * 3) ? '\t' : gap > charWidth * 0.2 ? ' ' : '';
        text += item.str;
        end = item.x + item.width;
      }
      out.push(text.replace(/ +/g, ' ').trim());
    }
    out.push('');
  }
  return `${out.join('\n')}\n`;
}
