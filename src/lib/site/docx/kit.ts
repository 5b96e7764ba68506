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
import type { IsoDate } from '../../dates';
import { repackage, type Deflater } from './package';
import { TABLE_STYLES, TableBook, type CellContent } from './table';

/** 1 cm in twentieths of a point (twips). */
export const CM = 567;
/** Body text size in half-points (13 pt); tables use 11 pt. */
const BODY_SIZE = 26;
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
  deflater?: Deflater,
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
  return repackage(new Uint8Array(await Packer.toArrayBuffer(document)), { date: info.date, tables, deflater });
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
