/**
 * Markdown in a Word report: the HTML that renderMarkdown made and sanitised (paragraphs, headings, lists, emphasis,
 * code, quotes, tables) read into blocks of styled runs, then written as Word paragraphs: docx's for body text, or
 * WordprocessingML for a table cell (docx-table.ts). It only reads that small vocabulary; any other tag keeps its text.
 */
import { AlignmentType, Paragraph, TextRun } from 'docx';

/** A piece of text and how it looks; `break` starts a new line before it. */
export interface ProseRun {
  text: string;
  bold?: boolean;
  italics?: boolean;
  strike?: boolean;
  code?: boolean;
  break?: boolean;
}

/** A paragraph: body text, a heading, a list item (its marker already in the text), or preformatted lines. */
export interface ProseBlock {
  kind: 'body' | 'heading' | 'item' | 'pre';
  /** List depth, 0 for a top-level item. */
  depth: number;
  /** How many quotes it is inside. */
  quote: number;
  runs: ProseRun[];
}

const TOKEN = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>|<|[^<]+/g;
const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
const BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'pre', 'tr', 'blockquote', 'ul', 'ol', 'table']);

/** Decodes the character references of HTML text. */
function decodeEntities(text: string): string {
  return text.replace(ENTITY, (all, e: string) => {
    if (e[0] !== '#') return NAMED[e.toLowerCase()] ?? all;
    const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
  });
}

/** Reads sanitised HTML into blocks (lists as "- " and "1. " items with their depth). */
export function htmlToBlocks(html: string): ProseBlock[] {
  const reader = new ProseReader();
  for (const match of html.matchAll(TOKEN)) {
    const [token, closing, rawName] = match;
    if (rawName === undefined) reader.text(decodeEntities(token));
    else if (closing) reader.close(rawName.toLowerCase());
    else reader.open(rawName.toLowerCase(), token);
  }
  reader.flush();
  return reader.blocks;
}

/** Body text indents and spacing, in twentieths of a point. */
const FIRST_LINE = 567;
const LIST_INDENT = 425;

/** Sanitised HTML as Word paragraphs of body text: justified, the first line indented, list items hanging. */
export function htmlToParagraphs(html: string): Paragraph[] {
  return htmlToBlocks(html).map((block) => {
    const left = block.kind === 'item' ? LIST_INDENT * (block.depth + 1) : block.quote * LIST_INDENT;
    return new Paragraph({
      children: block.runs.map(
        (r) =>
          new TextRun({
            text: r.text,
            break: r.break ? 1 : undefined,
            bold: r.bold || block.kind === 'heading',
            italics: r.italics || block.quote > 0,
            strike: r.strike,
            font: r.code || block.kind === 'pre' ? 'Courier New' : undefined,
          }),
      ),
      alignment: block.kind === 'pre' ? AlignmentType.LEFT : AlignmentType.JUSTIFIED,
      spacing: { before: 0, after: 120, line: 300 },
      indent:
        block.kind === 'body' && block.quote === 0
          ? { firstLine: FIRST_LINE }
          : block.kind === 'item'
            ? { left, hanging: LIST_INDENT }
            : { left },
      keepNext: block.kind === 'heading',
    });
  });
}

interface Inline {
  bold: boolean;
  italics: boolean;
  code: boolean;
  strike: boolean;
}

/** Collects blocks as the tags of the HTML open and close. */
class ProseReader {
  readonly blocks: ProseBlock[] = [];
  private runs: ProseRun[] = [];
  private kind: ProseBlock['kind'] = 'body';
  private readonly lists: { ordered: boolean; count: number }[] = [];
  private readonly inline: Inline = { bold: false, italics: false, code: false, strike: false };
  private quote = 0;
  private cells = 0;
  /** After a line break: white space that follows it is not shown. */
  private lineStart = false;

  open(name: string, tag: string): void {
    if (name === 'br') return void (this.runs.push({ text: '', break: true }), (this.lineStart = true));
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
    text.split('\n').forEach((line, i) => this.runs.push(this.run(line, i > 0)));
  }

  flush(): void {
    if (this.runs.length > 0)
      this.blocks.push({
        kind: this.kind,
        depth: Math.max(0, this.lists.length - 1),
        quote: this.quote,
        runs: this.runs,
      });
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
      this.runs.push({ text: list?.ordered ? `${list.count}. ` : '- ' });
    } else if (/^h\d$/.test(name)) this.kind = 'heading';
    else if (name === 'pre') this.kind = 'pre';
  }

  private setInline(name: string, on: boolean): void {
    if (name === 'strong' || name === 'b') this.inline.bold = on;
    else if (name === 'em' || name === 'i') this.inline.italics = on;
    else if (name === 'code') this.inline.code = on;
    else if (name === 'del' || name === 's') this.inline.strike = on;
  }

  private run(text: string, breakBefore = false): ProseRun {
    const { bold, italics, code, strike } = this.inline;
    return {
      text,
      ...(breakBefore ? { break: true } : {}),
      ...(bold ? { bold } : {}),
      ...(italics ? { italics } : {}),
      ...(strike ? { strike } : {}),
      ...(code ? { code } : {}),
    };
  }
}
