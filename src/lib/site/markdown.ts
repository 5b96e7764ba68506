/** Rendering the Markdown fields (content, summary, basis, note) to safe HTML: raw HTML is dropped, links sanitised. */
import { unified, type MarkdownRenderer } from '@astrojs/markdown-remark';
import rehypeSanitize from 'rehype-sanitize';
import { isSafeMarkdown, MARKDOWN_MAX_ANY } from '../data/markdown-limits';
import { escapeText } from './html';

let renderer: Promise<MarkdownRenderer> | undefined;

function getRenderer(): Promise<MarkdownRenderer> {
  renderer ??= unified({
    gfm: true,
    smartypants: false,
    // Text in data/ is typed by many people: HTML in it is shown as nothing, never run.
    remarkRehype: { allowDangerousHtml: false },
    rehypePlugins: [rehypeSanitize],
  }).createRenderer({ syntaxHighlight: false });
  return renderer;
}

// The fast path's characters: none of them can start or close a Markdown construct inside a line (see isPlainLine).
const PLAIN = /^[\p{L}\p{N} ,.;:()%/'"\-–—?!]*$/u;
// The same note or content is shown on several pages (task, section, unit, leader): parse each text once per build.
const parsed = new Map<string, string>();

/** Renders Markdown to HTML that is safe to insert into a page; plain paragraphs and simple lists skip the parser. */
export async function renderMarkdown(source: string): Promise<string> {
  const text = source.trim();
  if (text === '') return '';
  const simple = renderSimple(text);
  if (simple !== undefined) return simple;
  // Validation refuses such text (markdown-limits.ts); should any reach here, it is shown as text, not parsed for minutes.
  return isSafeMarkdown(text, MARKDOWN_MAX_ANY) ? renderWithParser(text) : renderAsText(text);
}

/**
 * Renders text whose blocks are all plain paragraphs, bold one-line paragraphs or tight "- " lists; undefined otherwise.
 * A plain line holds no `&`, `<` or `>` (PLAIN), so it is its own HTML, as the parser writes it (quotes left as they are).
 */
function renderSimple(text: string): string | undefined {
  if (/https?:\/\/|www\./i.test(text)) return undefined;
  const html: string[] = [];
  let previousList = false;
  for (const block of text.split('\n\n')) {
    const lines = block.split('\n');
    const bold = lines.length === 1 ? /^\*\*([^*]+)\*\*$/.exec(block) : null;
    const items = lines.every((line) => line.startsWith('- ')) ? lines.map((line) => line.slice(2)) : undefined;
    // Two lists apart by a blank line are one loose list to Markdown (items in <p>): leave those to the parser.
    if (items && !previousList && items.every(isPlainLine))
      html.push(`<ul>\n${items.map((i) => `<li>${i}</li>`).join('\n')}\n</ul>`);
    else if (bold && isPlainLine(bold[1]!)) html.push(`<p><strong>${bold[1]!}</strong></p>`);
    else if (lines.every(isPlainLine)) html.push(`<p>${block}</p>`);
    else return undefined;
    previousList = items !== undefined;
  }
  return html.join('\n');
}

/** Renders through the Markdown parser and sanitiser, memoised by text (the slow path; tests compare the fast path with it). */
export async function renderWithParser(text: string): Promise<string> {
  let html = parsed.get(text);
  if (html === undefined) {
    html = (await (await getRenderer()).render(text)).code;
    parsed.set(text, html);
  }
  return html;
}

/** Text that validation would refuse, as escaped paragraphs: linear, and nothing in it is markup. */
function renderAsText(text: string): string {
  return text
    .split(/\n[ \t]*\n\s*/)
    .map((block) => `<p>${escapeText(block)}</p>`)
    .join('\n');
}

// Why a plain line renders as itself. Inside a line, PLAIN's characters open nothing: no emphasis, code, link, HTML,
// entity or escape mark, and the web addresses GFM links without brackets are ruled out on the whole text (an email
// address needs "@"). What a line starts with decides its block, so only a letter, a digit that does not begin a
// numbered item ("1." or "1)"), "(" or a quote may start one: "-" would begin a list, a rule or a heading's underline,
// ":" a table's delimiter row ("a\n:-" is a table), white space code or a lazy line. A line that ends in white space
// would lose it before a line break (or make one).
function isPlainLine(line: string): boolean {
  return line !== '' && PLAIN.test(line) && /^[\p{L}\p{N}("']/u.test(line) && !/\s$|^\d+[.)](\s|$)/.test(line);
}
