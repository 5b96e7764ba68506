/**
 * The building blocks of an administrative Word document (Nghị định 30/2020/NĐ-CP): Times New Roman 13 pt, A4 with
 * 2 cm top and bottom, 3 cm left and 2 cm right margins, justified body text with a 1 cm first-line indent, and
 * bordered tables in 11 pt whose header row repeats on every page. Packing is deterministic: the same report, the
 * same bytes.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
  type ISectionOptions,
} from 'docx';
import { unzipSync, zipSync } from 'fflate';
import type { IsoDate } from './dates';
import { TABLE_STYLES, TableBook, type CellContent } from './docx-table';

/** 1 cm in twentieths of a point (twips). */
export const CM = 567;
/** The width between the margins of an A4 page: 21 cm less 3 cm and 2 cm. */
export const TEXT_WIDTH = 16 * CM;
/** Body text size in half-points (13 pt); tables use 11 pt. */
export const BODY_SIZE = 26;
const TABLE_SIZE = 22;
const FONT = 'Times New Roman';

/** What a run of text looks like. */
export interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  size?: number;
}

/** A paragraph of body text: justified, first line indented. */
export function body(text: string | TextRun[], style: RunStyle = {}): Paragraph {
  return new Paragraph({
    children: typeof text === 'string' ? [new TextRun({ text, ...style })] : text,
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: CM },
    spacing: { after: 120, line: 300 },
  });
}

/** A heading of the report ("I. KẾT QUẢ THỰC HIỆN", "1. Tình hình chung"): bold, kept with what follows. */
export function heading(text: string, style: RunStyle = {}): Paragraph {
  return new Paragraph({
    children: [new TextRun({ text, bold: true, ...style })],
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: CM },
    spacing: { before: 120, after: 120 },
    keepNext: true,
    keepLines: true,
  });
}

/** A centred line (title, headings of the top block); `rule` draws a short line under it. */
export function centred(text: string | TextRun[], style: RunStyle = {}, rule = false): Paragraph {
  return new Paragraph({
    children: typeof text === 'string' ? [new TextRun({ text, ...style })] : text,
    alignment: AlignmentType.CENTER,
    spacing: { after: rule ? 0 : 60 },
    keepNext: true,
  });
}

/** A short centred line, as under the office's name and the motto. */
export function shortRule(widthCm: number, cellCm: number): Paragraph {
  const side = Math.max(0, Math.round(((cellCm - widthCm) / 2) * CM));
  return new Paragraph({
    children: [],
    indent: { left: side, right: side },
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    spacing: { after: 120 },
  });
}

/** A bordered data table (header row on every page, rows never split), widths in cm, `centred` column indexes: its marker paragraph in `tables`. */
export function dataTable(
  tables: TableBook,
  headers: readonly string[],
  widthsCm: readonly number[],
  rows: readonly (readonly CellContent[])[],
  centred: readonly number[] = [],
): Paragraph {
  return tables.add({ headers, widths: widthsCm.map((w) => Math.round(w * CM)), rows, centred });
}

/** An empty line, after a table. */
export function spacer(): Paragraph {
  return new Paragraph({ children: [], spacing: { after: 60 } });
}

/** Two columns without borders (the top block and the signature block), widths in cm. */
export function sideBySide(left: Paragraph[], right: Paragraph[], widthsCm: [number, number]): Table {
  const widths = widthsCm.map((w) => Math.round(w * CM));
  return new Table({
    width: { size: widths[0]! + widths[1]!, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: [
      new TableRow({
        children: [left, right].map(
          (children, i) => new TableCell({ children, width: { size: widths[i]!, type: WidthType.DXA } }),
        ),
      }),
    ],
  });
}

/** What the document says about itself (File > Properties). */
export interface DocumentInfo {
  title: string;
  creator: string;
  /** The date written as its creation and modification time, and as the time of every file in the package. */
  date: IsoDate;
}

/** A Word document of A4 pages with these sections' content and the tables of `tables`, packed into the bytes of a .docx file. */
export async function packDocument(
  info: DocumentInfo,
  sections: ISectionOptions[],
  tables: TableBook = new TableBook(),
): Promise<Uint8Array<ArrayBuffer>> {
  const document = new Document({
    title: info.title,
    creator: info.creator,
    lastModifiedBy: info.creator,
    styles: {
      default: { document: { run: { font: FONT, size: BODY_SIZE } } },
      paragraphStyles: [
        {
          id: TABLE_STYLES.text,
          name: 'Bảng - nội dung',
          run: { size: TABLE_SIZE },
          paragraph: { spacing: { after: 0 } },
        },
        {
          id: TABLE_STYLES.heading,
          name: 'Bảng - tiêu đề',
          run: { size: TABLE_SIZE, bold: true },
          paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 0 } },
        },
        { id: TABLE_STYLES.marker, name: 'Bảng - chỗ đặt', run: { size: TABLE_SIZE } },
      ],
    },
    sections,
  });
  return repack(new Uint8Array(await Packer.toArrayBuffer(document)), info.date, tables);
}

/** The page of every section: A4 portrait with the margins of Nghị định 30. */
export const A4_PAGE = {
  page: {
    size: { width: 11906, height: 16838 },
    margin: { top: 2 * CM, bottom: 2 * CM, left: 3 * CM, right: 2 * CM, header: CM, footer: CM },
  },
  titlePage: true,
};

/** The children of a section, as docx types them. */
export type Blocks = FileChild[];

/**
 * The package again with the data tables in place (docx-table.ts) and its clock fixed: docx stamps the time of packing
 * into docProps/core.xml and into every file of the zip, so two builds of the same report would differ. Both become
 * the given date (midnight, UTC in the XML).
 */
function repack(bytes: Uint8Array, date: IsoDate, tables: TableBook): Uint8Array<ArrayBuffer> {
  const files = unzipSync(bytes);
  const body = files['word/document.xml'];
  if (body) files['word/document.xml'] = new TextEncoder().encode(tables.splice(new TextDecoder().decode(body)));
  const core = files['docProps/core.xml'];
  if (core) {
    const xml = new TextDecoder()
      .decode(core)
      .replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:)/g, `$1${date}T00:00:00Z$2`);
    files['docProps/core.xml'] = new TextEncoder().encode(xml);
  }
  const [y, m, d] = date.split('-').map(Number);
  // fflate writes the zip's DOS times in local time: a local midnight reads the same in every time zone. A zip
  // time runs from 1980 to 2107.
  const mtime = y! < 1980 ? new Date(1980, 0, 1) : y! > 2107 ? new Date(2107, 11, 31) : new Date(y!, m! - 1, d!);
  return zipSync(files, { mtime, level: 6 });
}
