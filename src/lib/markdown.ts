/** Rendering the Markdown fields (content, summary, basis, note) to safe HTML: raw HTML is dropped, links sanitised. */
import { createMarkdownProcessor, type MarkdownProcessor } from '@astrojs/markdown-remark';
import rehypeSanitize from 'rehype-sanitize';

let processor: Promise<MarkdownProcessor> | undefined;

function getProcessor(): Promise<MarkdownProcessor> {
  processor ??= createMarkdownProcessor({
    syntaxHighlight: false,
    smartypants: false,
    gfm: true,
    // Text in data/ is typed by many people: HTML in it is shown as nothing, never run.
    remarkRehype: { allowDangerousHtml: false },
    rehypePlugins: [rehypeSanitize],
  });
  return processor;
}

const PLAIN = /^[\p{L}\p{N} ,.;:()%/'"\-–—?!]*$/u;
// The same note or content is shown on several pages (task, section, unit, leader): parse each text once per build.
const parsed = new Map<string, string>();

/** Renders Markdown to HTML that is safe to insert into a page; plain paragraphs skip the parser. */
export async function renderMarkdown(source: string): Promise<string> {
  const text = source.trim();
  if (text === '') return '';
  const paragraphs = text.split('\n\n');
  if (paragraphs.every(isPlainParagraph) && !/https?:\/\/|www\./i.test(text)) {
    return paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
  }
  return renderWithParser(text);
}

/** Renders through the Markdown parser and sanitiser, memoised by text (the slow path; tests compare the fast path with it). */
export async function renderWithParser(text: string): Promise<string> {
  let html = parsed.get(text);
  if (html === undefined) {
    html = (await (await getProcessor()).render(text)).code;
    parsed.set(text, html);
  }
  return html;
}

// A paragraph of plain lines needs no parser, unless a line starts a list or a rule, or is indented or ends in spaces
// (a code block or a hard break); a web address would become a link (checked on the whole text).
function isPlainParagraph(paragraph: string): boolean {
  return paragraph.split('\n').every((line) => line !== '' && PLAIN.test(line) && !/^[\s\-–]|\s$|^\d+[.)](\s|$)/.test(line));
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
