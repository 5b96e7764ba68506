/** Reading a plan's outline: Roman-numeral parts (I.), numbered groups (1.), lettered items (a)) and labelled fields. */
import { readRoman, toRoman } from './fuzzy';
import { BULLET, matchLabel, splitLabels, type FieldKind } from './labels';

/** A line of the document, cleaned, with its 1-based line number. */
export interface SourceLine {
  text: string;
  line: number;
}

/** A labelled block of an item ("Chỉ đạo thực hiện: …") and the lines it runs over. */
export interface FieldBlock {
  /** `extra`: a bulleted line after the assignment fields that matched no label. */
  field: FieldKind | 'extra';
  /** The label in correct Vietnamese ('' for extra lines). */
  label: string;
  line: number;
  /** The value: the text after the label, then the following lines ('' for a blank line). */
  lines: string[];
}

/** A part (I.), group (1.) or item (a)) of the plan and what it holds. */
export interface OutlineNode {
  kind: 'part' | 'group' | 'item';
  /** The plan's numbering, e.g. II.1.a. */
  id: string;
  line: number;
  /** A part's or group's title lines; an item's own text up to its first label. */
  heading: string[];
  /** Text after the heading that is not in a field or a child. */
  body: string[];
  fields: FieldBlock[];
  children: OutlineNode[];
  /** Every line after the marker line, children included: the text of a part that holds no tasks. */
  lines: SourceLine[];
  /** The last entry of a list inside an item's text, so its entries are not read as groups or items: 1., 2. … and a), b) … as an index (0 and -1: none). */
  list: { number: number; letter: number };
}

/** The document: the lines before part I (heading, "Căn cứ …") and the parts. */
export interface Outline {
  preamble: SourceLine[];
  parts: OutlineNode[];
}

/** Reads the outline of a plan's text. */
export function parseOutline(text: string): Outline {
  const builder = new OutlineBuilder();
  text.split(/\r\n|\r|\n/).forEach((raw, i) => builder.add(cleanLine(raw), i + 1));
  return builder.outline;
}

/** Cleans one line of OCR text: NFC, plain spaces, no stray "|" from table rules or margins. */
export function cleanLine(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(/[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+/g, ' ')
    .replace(/(^|\s)[|¦](?=\s|$)/g, '$1')
    .trim();
}

interface Marker {
  kind: OutlineNode['kind'];
  mark: string;
  rest: string;
}

const PART = /^([IVXLl1|]{1,6})\s*[.,]\s*(\S.*)$/;
const GROUP = /^(\d{1,2})\s*[.)]\s*([\p{L}"“(].*)$/u;
const ITEM = /^([a-zđ¢])\s*[)\]}]\s*(.*)$/;
const PAGE_NUMBER = /^-?\s*\d{1,3}\s*-?$/;
/** The letters Vietnamese documents number items with (no f, j, w, z). */
const LETTERS = [
  'a',
  'b',
  'c',
  'd',
  'đ',
  'e',
  'g',
  'h',
  'i',
  'k',
  'l',
  'm',
  'n',
  'o',
  'p',
  'q',
  'r',
  's',
  't',
  'u',
  'v',
  'x',
  'y',
];

class OutlineBuilder {
  readonly outline: Outline = { preamble: [], parts: [] };
  /** The open chain: part, then group, then item. */
  private open: OutlineNode[] = [];
  private mode: 'heading' | 'body' | 'field' = 'body';

  add(text: string, line: number): void {
    if (PAGE_NUMBER.test(text)) return;
    const marker = this.readMarker(text);
    if (marker) return this.openNode(marker, text, line);
    const node = this.open[this.open.length - 1];
    if (!node) {
      this.outline.preamble.push({ text, line });
      return;
    }
    for (const n of this.open) n.lines.push({ text, line });
    this.addText(node, text, line, false);
  }

  private readMarker(text: string): Marker | undefined {
    return this.readPart(text) ?? this.readGroup(text) ?? this.readItem(text);
  }

  private readPart(text: string): Marker | undefined {
    const m = PART.exec(text);
    if (!m || !/\D/.test(m[1]!)) return undefined;
    const value = readRoman(m[1]!);
    if (value === undefined || !isNext(value, this.outline.parts) || !looksLikePartTitle(m[2]!)) return undefined;
    return { kind: 'part', mark: toRoman(value), rest: m[2]! };
  }

  private readGroup(text: string): Marker | undefined {
    const part = this.open[0];
    const m = GROUP.exec(text);
    if (!part || !m) return undefined;
    const value = Number(m[1]);
    const item = this.current('item');
    const next = isNext(
      value,
      part.children.filter((c) => c.kind === 'group'),
    );
    if (item && continuesList(item.list.number, value, next)) {
      item.list.number = value;
      return undefined;
    }
    return next ? { kind: 'group', mark: String(value), rest: m[2]! } : undefined;
  }

  private readItem(text: string): Marker | undefined {
    const container = this.current('group') ?? this.open[0];
    const m = ITEM.exec(text);
    if (!container || !m) return undefined;
    const letter = m[1] === '¢' ? 'c' : m[1]!;
    const last = container.children.filter((c) => c.kind === 'item').pop();
    const expected = last ? LETTERS.indexOf(last.id.split('.').pop()!) + 1 : 0;
    // OCR reads đ) as d); and an item it lost should not hide the ones after it.
    const mark = letter === 'd' && LETTERS[expected] === 'đ' ? 'đ' : letter;
    const index = LETTERS.indexOf(mark);
    const next = index >= expected && index <= expected + 2;
    const item = this.current('item');
    if (item && continuesList(item.list.letter + 1, index + 1, next)) {
      item.list.letter = index;
      return undefined;
    }
    return next ? { kind: 'item', mark, rest: m[2]! } : undefined;
  }

  private current(kind: OutlineNode['kind']): OutlineNode | undefined {
    return this.open.find((n) => n.kind === kind);
  }

  private openNode(marker: Marker, text: string, line: number): void {
    const parent =
      marker.kind === 'part'
        ? undefined
        : marker.kind === 'group'
          ? this.open[0]
          : (this.current('group') ?? this.open[0]);
    this.open = parent ? this.open.slice(0, this.open.indexOf(parent) + 1) : [];
    for (const n of this.open) n.lines.push({ text, line });
    const id = parent ? `${parent.id}.${marker.mark}` : marker.mark;
    const node: OutlineNode = {
      kind: marker.kind,
      id,
      line,
      heading: [],
      body: [],
      fields: [],
      children: [],
      lines: [],
      list: { number: 0, letter: -1 },
    };
    if (parent) parent.children.push(node);
    else this.outline.parts.push(node);
    this.open.push(node);
    this.mode = 'heading';
    if (marker.rest) this.addText(node, marker.rest, line, true);
  }

  private addText(node: OutlineNode, text: string, line: number, first: boolean): void {
    if (text === '') return this.addBlank(node);
    const parts = splitLabels(text);
    if (parts.length > 1) return parts.forEach((p, i) => this.addText(node, p, line, first && i === 0));
    const label = matchLabel(text, first && node.kind === 'item');
    if (label) {
      node.list = { number: 0, letter: -1 };
      node.fields.push({ field: label.field, label: label.label, line, lines: label.value ? [label.value] : [] });
      this.mode = 'field';
      return;
    }
    if (this.mode === 'field') return this.addToField(node, text, line);
    if (this.mode === 'heading' && (first || node.kind === 'item' || continuesHeading(node.heading, text))) {
      node.heading.push(text);
      return;
    }
    this.mode = 'body';
    node.body.push(text);
  }

  private addBlank(node: OutlineNode): void {
    if (this.mode === 'field') node.fields[node.fields.length - 1]!.lines.push('');
    else if (this.mode === 'heading' && node.kind === 'item') node.heading.push('');
    else if (this.mode === 'heading') this.mode = 'body';
    else node.body.push('');
  }

  private addToField(node: OutlineNode, text: string, line: number): void {
    const last = node.fields[node.fields.length - 1]!;
    // A bullet after "Chỉ đạo thực hiện: …" is not part of the leader's name: keep it apart for the person to see.
    if (last.field !== 'content' && last.field !== 'extra' && BULLET.test(text)) {
      node.fields.push({ field: 'extra', label: '', line, lines: [text] });
    } else {
      last.lines.push(text);
    }
  }
}

/** Whether a numbered line goes on with a list inside an item's text (1., 2. …) rather than starting a group or item. */
function continuesList(last: number, value: number, couldBeMarker: boolean): boolean {
  return last > 0 ? value === last + 1 : value === 1 && !couldBeMarker;
}

/** Whether a number follows the last sibling's (one may be skipped: an excerpt, or a heading OCR lost). */
function isNext(value: number, siblings: readonly OutlineNode[]): boolean {
  const last = siblings[siblings.length - 1];
  const previous = last ? numberOf(last) : 0;
  return value === previous + 1 || value === previous + 2;
}

function numberOf(node: OutlineNode): number {
  const mark = node.id.split('.').pop()!;
  return /^\d+$/.test(mark) ? Number(mark) : (readRoman(mark) ?? 0);
}

function upperShare(text: string): number {
  const letters = text.match(/\p{L}/gu) ?? [];
  return letters.length === 0 ? 0 : letters.filter((c) => c !== c.toLowerCase()).length / letters.length;
}

function looksLikePartTitle(title: string): boolean {
  return upperShare(title) >= 0.5 || title.length <= 80;
}

function continuesHeading(heading: readonly string[], text: string): boolean {
  const previous = heading[heading.length - 1];
  if (previous === undefined || /[.:;!?]$/.test(previous)) return false;
  if (upperShare(previous) > 0.6) return upperShare(text) > 0.6;
  return /^[\p{Ll}\d]/u.test(text);
}
