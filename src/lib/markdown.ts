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

/** Renders Markdown to HTML that is safe to insert into a page; plain one-line text skips the parser. */
export async function renderMarkdown(source: string): Promise<string> {
  const text = source.trim();
  if (text === '') return '';
  if (isPlain(text)) return `<p>${escapeHtml(text)}</p>`;
  const result = await (await getProcessor()).render(text);
  return result.code;
}

// Plain text needs no parser, unless Markdown would read it as a list item or turn a web address into a link.
function isPlain(text: string): boolean {
  return PLAIN.test(text) && !/^\d+[.)]\s|^[-–]\s/.test(text) && !/https?:\/\/|www\./i.test(text);
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
