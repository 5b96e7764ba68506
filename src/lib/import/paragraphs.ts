/** Turning a document's wrapped lines back into paragraphs and list items, and those into Markdown. */

/** One paragraph of running text, or an item of a bulleted or numbered list. */
export interface Paragraph {
  kind: 'text' | 'bullet' | 'numbered';
  text: string;
}

const BULLET_START = /^[-–—+•*·]\s+/;
const NUMBERED_START = /^(\d{1,2}|[a-zđ])\s*[.)]\s+/;

/** Joins wrapped lines into paragraphs; '' stands for a blank line. A bullet, a number or a new sentence starts one. */
export function toParagraphs(lines: readonly string[]): Paragraph[] {
  const out: Paragraph[] = [];
  let blank = false;
  for (const line of lines) {
    if (line === '') {
      blank = true;
      continue;
    }
    const last = out[out.length - 1];
    if (last && !startsParagraph(last.text, line, blank)) last.text = joinLine(last.text, line);
    else out.push(newParagraph(line));
    blank = false;
  }
  return out;
}

function startsParagraph(previous: string, line: string, afterBlank: boolean): boolean {
  if (BULLET_START.test(line) || NUMBERED_START.test(line)) return true;
  // OCR leaves blank lines inside sentences ("Quyết định số\n\n92/QĐ-UBND"): a blank only ends a finished sentence.
  if (afterBlank) return /[.!?:;…”")]$/.test(previous) || !/^[\p{Ll}\d(]/u.test(line);
  return /[.!?]$/.test(previous) && /^\p{Lu}/u.test(line);
}

function joinLine(previous: string, line: string): string {
  // "41/2022/QĐ-" + "UBND" was one word cut at the line end.
  if (/\p{L}-$/u.test(previous) && /^[\p{Lu}\d]/u.test(line)) return previous + line;
  return `${previous} ${line}`;
}

function newParagraph(line: string): Paragraph {
  if (BULLET_START.test(line)) return { kind: 'bullet', text: line.replace(BULLET_START, '') };
  return { kind: NUMBERED_START.test(line) ? 'numbered' : 'text', text: line };
}

/** Joins wrapped lines into one line of text (a field's value). */
export function joinText(lines: readonly string[]): string {
  return toParagraphs(lines)
    .map((p) => p.text)
    .join(' ');
}

/** Writes paragraphs as Markdown; with `headings`, a short numbered line such as "1. Mục đích" becomes a heading. */
export function toMarkdown(paragraphs: readonly Paragraph[], headings = false): string {
  const blocks = paragraphs.map((p) =>
    headings && p.kind === 'numbered' && isShortTitle(p.text) ? { kind: 'heading', text: p.text } : p,
  );
  return blocks
    .map((b, i) => {
      const text = b.kind === 'heading' ? `### ${b.text}` : b.kind === 'bullet' ? `- ${b.text}` : b.text;
      if (i === 0) return text;
      const tight = b.kind === blocks[i - 1]!.kind && (b.kind === 'bullet' || b.kind === 'numbered');
      return (tight ? '\n' : '\n\n') + text;
    })
    .join('');
}

function isShortTitle(text: string): boolean {
  return text.length <= 70 && !/[.;:,]$/.test(text);
}
