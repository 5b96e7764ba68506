/**
 * Markdown in a Word report: the HTML that renderMarkdown made and sanitised (paragraphs, headings, lists, emphasis,
 * code, quotes, tables) turned into Word paragraphs. It only reads that small vocabulary; any other tag keeps its text.
 */
import { AlignmentType, Paragraph, TextRun } from 'docx';

/** Body text indents and spacing, in twentieths of a point. */
const FIRST_LINE = 567;
const LIST_INDENT = 425;
const SPACING = { before: 0, after: 120, line: 300 };

const TOKEN = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>|<|[^<]+/g;
const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
const BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'pre', 'tr', 'blockquote', 'ul', 'ol', 'table']);

/** Decodes the character references of HTML text. */
export function decodeEntities(text: string): string {
  return text.replace(ENTITY, (all, e: string) => {
    if (e[0] !== '#') return NAMED[e.toLowerCase()] ?? all;
    const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
  });
}

interface Inline {
  bold: boolean;
  italics: boolean;
  code: boolean;
  strike: boolean;
}

/** Turns sanitised HTML into Word paragraphs of body text (lists as "- " and "1. " lines, indented by depth); `compact` for a table cell: 11 pt, left-aligned, no indent. */
export function htmlToParagraphs(html: string, compact = false): Paragraph[] {
  const writer = new ProseWriter(compact);
  for (const match of html.matchAll(TOKEN)) {
    const [token, closing, rawName] = match;
    if (rawName === undefined) writer.text(decodeEntities(token));
    else if (closing) writer.close(rawName.toLowerCase());
    else writer.open(rawName.toLowerCase(), token);
  }
  writer.flush();
  return writer.paragraphs;
}

/** Writes paragraphs as the tags of the HTML open and close. */
class ProseWriter {
  readonly paragraphs: Paragraph[] = [];
  private runs: TextRun[] = [];
  private kind: 'body' | 'heading' | 'item' | 'pre' = 'body';
  private readonly lists: { ordered: boolean; count: number }[] = [];
  private readonly inline: Inline = { bold: false, italics: false, code: false, strike: false };
  private quote = 0;
  private cells = 0;
  /** After a line break: white space that follows it is not shown. */
  private lineStart = false;

  constructor(private readonly compact: boolean) {}

  open(name: string, tag: string): void {
    if (name === 'br') return void (this.runs.push(new TextRun({ break: 1 })), (this.lineStart = true));
    if (name === 'img') return this.text(`[${decodeEntities(/\salt="([^"]*)"/.exec(tag)?.[1] ?? 'hình')}]`);
    if (name === 'ul' || name === 'ol') return this.startList(name === 'ol', tag);
    if (name === 'td' || name === 'th') return void (this.cells++ > 0 && this.text(' | '));
    if (name === 'blockquote') return void this.quote++;
    if (name === 'p' && this.kind === 'item' && this.runs.length <= 1) return;
    if (BLOCKS.has(name)) this.startBlock(name);
    this.setInline(name, true);
  }

  close(name: string): void {
    if (name === 'ul' || name === 'ol') return void (this.flush(), this.lists.pop());
    if (name === 'blockquote') return void (this.flush(), (this.quote = Math.max(0, this.quote - 1)));
    if (BLOCKS.has(name)) return this.flush();
    this.setInline(name, false);
  }

  text(value: string): void {
    const collapsed = this.kind === 'pre' ? value : value.replace(/\s+/g, ' ');
    const text = this.lineStart && this.kind !== 'pre' ? collapsed.trimStart() : collapsed;
    if ((this.runs.length === 0 || this.lineStart) && text.trim() === '') return;
    this.lineStart = false;
    const lines = text.split('\n');
    lines.forEach((line, i) => this.runs.push(this.run(line, i > 0)));
  }

  flush(): void {
    if (this.runs.length > 0) this.paragraphs.push(this.paragraph());
    this.runs = [];
    this.kind = 'body';
    this.cells = 0;
    this.lineStart = false;
  }

  private startList(ordered: boolean, tag: string): void {
    this.flush();
    const start = Number(/\sstart="(\d+)"/.exec(tag)?.[1] ?? 1);
    this.lists.push({ ordered, count: start - 1 });
  }

  private startBlock(name: string): void {
    this.flush();
    if (name === 'li') {
      const list = this.lists[this.lists.length - 1];
      this.kind = 'item';
      if (list) list.count++;
      this.runs.push(this.run(list?.ordered ? `${list.count}. ` : '- '));
    } else if (/^h\d$/.test(name)) this.kind = 'heading';
    else if (name === 'pre') this.kind = 'pre';
  }

  private setInline(name: string, on: boolean): void {
    if (name === 'strong' || name === 'b') this.inline.bold = on;
    else if (name === 'em' || name === 'i') this.inline.italics = on;
    else if (name === 'code') this.inline.code = on;
    else if (name === 'del' || name === 's') this.inline.strike = on;
  }

  private run(text: string, breakBefore = false): TextRun {
    const { bold, italics, code, strike } = this.inline;
    return new TextRun({
      text,
      break: breakBefore ? 1 : undefined,
      bold: bold || this.kind === 'heading',
      italics: italics || this.quote > 0,
      strike,
      font: code || this.kind === 'pre' ? 'Courier New' : undefined,
      size: this.compact ? 22 : undefined,
    });
  }

  private paragraph(): Paragraph {
    const depth = Math.max(0, this.lists.length - 1);
    const left = this.kind === 'item' ? LIST_INDENT * (depth + 1) : this.quote * LIST_INDENT;
    return new Paragraph({
      children: this.runs,
      alignment: this.kind === 'pre' || this.compact ? AlignmentType.LEFT : AlignmentType.JUSTIFIED,
      spacing: this.compact ? { after: 40 } : SPACING,
      indent:
        this.kind === 'body' && this.quote === 0 && !this.compact
          ? { firstLine: FIRST_LINE }
          : this.kind === 'item'
            ? { left, hanging: LIST_INDENT }
            : { left },
      keepNext: this.kind === 'heading',
    });
  }
}
