/** Reading back a .docx the site wrote: its XML parts, and the text of each paragraph of the body. */
import { unzipSync } from 'fflate';

/** The files of a .docx (a zip) by path, as text. */
export function docxParts(bytes: Uint8Array): Record<string, string> {
  return Object.fromEntries(
    Object.entries(unzipSync(bytes)).map(([path, data]) => [path, new TextDecoder().decode(data)]),
  );
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The text of every paragraph of word/document.xml, in order (table cells are paragraphs too; a line break is "\n"). */
export function paragraphTexts(documentXml: string): string[] {
  return [...documentXml.matchAll(/<w:p\b[^>]*>([\s\S]*?)<\/w:p>|<w:p\b[^>]*\/>/g)].map((m) =>
    [...(m[1] ?? '').matchAll(/<w:t\b[^>]*>([^<]*)<\/w:t>|<w:br\/>/g)]
      .map((t) => (t[1] === undefined ? '\n' : t[1].replace(/&(\w+);/g, (all, e: string) => ENTITIES[e] ?? all)))
      .join(''),
  );
}
