/**
 * The data tables of a Word report (a row per task, up to thousands of them), written as WordprocessingML text and put
 * into the document docx wrote, in place of a marker paragraph. docx builds an object for every element of a
 * document, which takes about a millisecond per table row: 10,000 tasks would take seconds per report, for each of
 * the 19 reports of a year. Written as text the same table takes milliseconds. Everything else in the document —
 * styles, page, header, paragraphs, the top and signature blocks — is docx's.
 */
import { Paragraph, TextRun } from 'docx';
import type { ProseBlock } from './prose';

/** What a cell holds: one line of text, or paragraphs (a report note). */
export type CellContent = string | readonly ProseBlock[];

/** A table to write: headers, column widths in twips, rows, and the columns whose text is centred. */
export interface TableSpec {
  headers: readonly string[];
  widths: readonly number[];
  rows: readonly (readonly CellContent[])[];
  centred: readonly number[];
}

/** The paragraph styles the table text uses (docx-kit.ts defines them in the document). */
export const TABLE_STYLES = { text: 'BangNoiDung', heading: 'BangTieuDe', marker: 'BangCho' } as const;

/** The tables of one document: each gets a marker paragraph now, and its XML when the document is packed. */
export class TableBook {
  private readonly tables: string[] = [];

  /** A marker paragraph standing for the table (or its XML, from tableXml()) until splice() puts it in its place. */
  add(table: TableSpec | string): Paragraph {
    this.tables.push(typeof table === 'string' ? table : tableXml(table));
    return new Paragraph({
      style: TABLE_STYLES.marker,
      children: [new TextRun(String(this.tables.length - 1))],
    });
  }

  /**
   * word/document.xml with every marker paragraph replaced by its table (found by its style, in one pass), as the
   * pieces of its text in order: a table of a province is megabytes, so it is never joined into one string.
   */
  splice(documentXml: string): string[] {
    const style = `<w:pStyle w:val="${TABLE_STYLES.marker}"/>`;
    const pieces: string[] = [];
    let from = 0;
    let placed = 0;
    for (let at = documentXml.indexOf(style); at >= 0; at = documentXml.indexOf(style, from)) {
      const start = documentXml.lastIndexOf('<w:p>', at);
      const end = documentXml.indexOf('</w:p>', at) + '</w:p>'.length;
      const index = Number(/<w:t[^>]*>(\d+)<\/w:t>/.exec(documentXml.slice(at, end))?.[1]);
      const table = this.tables[index];
      if (start < from || end < at || table === undefined) break;
      pieces.push(documentXml.slice(from, start), table);
      from = end;
      placed++;
    }
    if (placed !== this.tables.length)
      throw new Error(`${this.tables.length - placed} table(s) not placed in the report`);
    pieces.push(documentXml.slice(from));
    return pieces;
  }
}

/** A bordered table of fixed column widths whose header row repeats on every page and whose rows never split. */
export function tableXml({ headers, widths, rows, centred }: TableSpec): string {
  const border = (side: string) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`;
  const borders = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(border).join('');
  const total = widths.reduce((a, b) => a + b, 0);
  const margins =
    '<w:top w:w="40" w:type="dxa"/><w:left w:w="80" w:type="dxa"/><w:bottom w:w="40" w:type="dxa"/><w:right w:w="80" w:type="dxa"/>';
  const head = `<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>${headers
    .map((h, i) => cellXml(paragraphXml(TABLE_STYLES.heading, false, [{ text: h }]), widths[i]!, true))
    .join('')}</w:tr>`;
  const body: string[] = [];
  for (const row of rows) {
    body.push('<w:tr><w:trPr><w:cantSplit/></w:trPr>');
    for (const [i, content] of row.entries())
      body.push(cellXml(contentXml(content, centred.includes(i)), widths[i]!, false));
    body.push('</w:tr>');
  }
  return `<w:tbl><w:tblPr><w:tblW w:w="${total}" w:type="dxa"/><w:tblBorders>${borders}</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar>${margins}</w:tblCellMar></w:tblPr><w:tblGrid>${widths
    .map((w) => `<w:gridCol w:w="${w}"/>`)
    .join('')}</w:tblGrid>${head}${body.join('')}</w:tbl>`;
}

// Only the header row says each cell's width: with a fixed layout the grid (w:tblGrid) gives the columns' widths, and
// a table of ten thousand rows is a megabyte less to write and compress.
function cellXml(paragraphs: string, width: number, header: boolean): string {
  return header
    ? `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>${paragraphs}</w:tc>`
    : `<w:tc>${paragraphs}</w:tc>`;
}

function contentXml(content: CellContent, centre: boolean): string {
  if (typeof content === 'string') return paragraphXml(TABLE_STYLES.text, centre, [{ text: content }]);
  if (content.length === 0) return paragraphXml(TABLE_STYLES.text, centre, []);
  return content
    .map((block) =>
      paragraphXml(
        TABLE_STYLES.text,
        false,
        block.runs,
        block.kind === 'item' ? 200 * (block.depth + 1) : 0,
        block.kind === 'heading',
      ),
    )
    .join('');
}

function paragraphXml(
  style: string,
  centre: boolean,
  runs: readonly ProseBlock['runs'][number][],
  indent = 0,
  bold = false,
): string {
  const props = `<w:pPr><w:pStyle w:val="${style}"/>${indent ? `<w:ind w:left="${indent}" w:hanging="200"/>` : ''}${centre ? '<w:jc w:val="center"/>' : ''}</w:pPr>`;
  return `<w:p>${props}${runs.map((r) => runXml(r, bold)).join('')}</w:p>`;
}

function runXml(run: ProseBlock['runs'][number], bold: boolean): string {
  const props =
    (run.code ? '<w:rFonts w:ascii="Courier New" w:hAnsi="Courier New" w:cs="Courier New"/>' : '') +
    (run.bold || bold ? '<w:b/>' : '') +
    (run.italics ? '<w:i/>' : '') +
    (run.strike ? '<w:strike/>' : '');
  return `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}${run.break ? '<w:br/>' : ''}<w:t xml:space="preserve">${escapeXml(run.text)}</w:t></w:r>`;
}

// Characters XML 1.0 cannot hold at all (the loader refuses control characters; this is the last guard).
const NOT_XML = new RegExp(
  // eslint-disable-next-line no-control-regex -- these are the characters to find
  '[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\ufffe\\uffff]|[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]',
  'g',
);

/** Text as XML character data: `& < >` escaped, characters XML cannot hold dropped. */
export function escapeXml(text: string): string {
  // Nearly every cell is a title or a name with nothing to change: one test instead of two replacements.
  if (!SPECIAL.test(text)) return text;
  return text.replace(NOT_XML, '').replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

// eslint-disable-next-line no-control-regex -- these are the characters to find
const SPECIAL = /[&<>\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/;
