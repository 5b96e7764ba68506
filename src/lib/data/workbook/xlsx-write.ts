/**
 * A small .xlsx writer for tables: one sheet, a bold header row that stays in place, column widths, text, numbers and
 * dates. Pure and free of dependencies, so the build's exports and the task list's download in the browser share it;
 * the same table gives the same bytes. (The monthly forms, with drop-downs and locked cells, are written by exceljs.)
 */
import { daysBetween, type IsoDate } from '../../dates';
import { columnLetters } from './sheet';
import { fitHeight } from './fit';
import { zipFiles } from './zip-write';

/** A column: its header, width in characters, and how its cells are written (dates as YYYY-MM-DD strings). */
export interface XlsxColumn {
  header: string;
  width: number;
  kind: 'text' | 'number' | 'date';
}

/** One table as a sheet. */
export interface XlsxTable {
  sheet: string;
  columns: readonly XlsxColumn[];
  rows: readonly (readonly (string | number | null | undefined)[])[];
  /** The document's date (its properties and the times inside the ZIP file), so that the bytes do not depend on when it was written. */
  date: IsoDate;
  title?: string;
}

const MIME = 'application/vnd.openxmlformats-officedocument';
// Style indexes in STYLES' cellXfs: 0 plain, 1 header, 2 wrapped text, 3 date, 4 number.
const STYLE = { header: 1, text: 2, date: 3, number: 4 } as const;

/** Writes the table as an .xlsx workbook. */
export async function writeXlsx(table: XlsxTable): Promise<Uint8Array<ArrayBuffer>> {
  const files: [string, string][] = [
    ['[Content_Types].xml', CONTENT_TYPES],
    ['_rels/.rels', ROOT_RELS],
    ['docProps/core.xml', coreXml(table)],
    ['xl/workbook.xml', workbookXml(table)],
    ['xl/_rels/workbook.xml.rels', WORKBOOK_RELS],
    ['xl/styles.xml', STYLES],
    ['xl/worksheets/sheet1.xml', sheetXml(table)],
  ];
  const encoder = new TextEncoder();
  return zipFiles(
    files.map(([name, xml]) => ({ name, data: encoder.encode(xml) })),
    table.date,
  );
}

// Text as XML character data: escaped, and without the control characters XML cannot hold.
function xmlText(text: string): string {
  // eslint-disable-next-line no-control-regex -- XML 1.0 has no place for these
  return text.replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/g, '').replace(/[&<>"]/g, (c) => ENTITIES[c]!);
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

function sheetXml(table: XlsxTable): string {
  const last = columnLetters(table.columns.length);
  const widths = table.columns.map((c) => c.width);
  const cols = table.columns
    .map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"/>`)
    .join('');
  const header = `<row r="1">${table.columns.map((c, i) => textCell(i, 1, c.header, STYLE.header)).join('')}</row>`;
  const rows = table.rows.map((values, n) => {
    const r = n + 2;
    const cells = values.map((v, i) => cell(table.columns[i]!, i, r, v)).join('');
    const shown = values.map((v, i) => (table.columns[i]?.kind === 'text' ? v : ''));
    return `<row r="${r}" ht="${fitHeight(shown, widths)}" customHeight="1">${cells}</row>`;
  });
  const range = `A1:${last}${table.rows.length + 1}`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="${range}"/>` +
    `<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/></sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols>` +
    `<sheetData>${header}${rows.join('')}</sheetData>` +
    `<autoFilter ref="A1:${last}${table.rows.length + 1}"/>` +
    `<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
    `<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>` +
    `</worksheet>`
  );
}

function cell(column: XlsxColumn, i: number, r: number, value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const ref = `${columnLetters(i + 1)}${r}`;
  if (typeof value === 'number' && Number.isFinite(value))
    return `<c r="${ref}" s="${STYLE.number}"><v>${value}</v></c>`;
  if (column.kind === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value))
    return `<c r="${ref}" s="${STYLE.date}"><v>${daysBetween('1899-12-30', value)}</v></c>`;
  return textCell(i, r, String(value), STYLE.text);
}

function textCell(i: number, r: number, text: string, style: number): string {
  return `<c r="${columnLetters(i + 1)}${r}" s="${style}" t="inlineStr"><is><t xml:space="preserve">${xmlText(text)}</t></is></c>`;
}

function workbookXml(table: XlsxTable): string {
  const last = columnLetters(table.columns.length);
  const name = xmlText(table.sheet.replace(/[[\]:*?/\\']/g, ' ').slice(0, 31));
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    `<bookViews><workbookView/></bookViews>` +
    `<sheets><sheet name="${name}" sheetId="1" r:id="rId1"/></sheets>` +
    `<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'${name.replace(/'/g, "''")}'!$A$1:$${last}$${table.rows.length + 1}</definedName></definedNames>` +
    `</workbook>`
  );
}

function coreXml(table: XlsxTable): string {
  const when = `${table.date}T00:00:00Z`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    (table.title ? `<dc:title>${xmlText(table.title)}</dc:title>` : '') +
    `<dc:creator>Theo dõi thực hiện kế hoạch</dc:creator>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
    `</cp:coreProperties>`
  );
}

const CONTENT_TYPES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
  `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
  `<Default Extension="xml" ContentType="application/xml"/>` +
  `<Override PartName="/xl/workbook.xml" ContentType="${MIME}.spreadsheetml.sheet.main+xml"/>` +
  `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="${MIME}.spreadsheetml.worksheet+xml"/>` +
  `<Override PartName="/xl/styles.xml" ContentType="${MIME}.spreadsheetml.styles+xml"/>` +
  `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
  `</Types>`;

const ROOT_RELS =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
  `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>` +
  `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
  `</Relationships>`;

const WORKBOOK_RELS =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
  `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>` +
  `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
  `</Relationships>`;

// Two fonts (plain, bold), the two fills every workbook must start with, one thin border for the header.
const STYLES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
  `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
  `<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>` +
  `<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>` +
  `<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFEFEFEF"/><bgColor indexed="64"/></patternFill></fill></fills>` +
  `<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left/><right/><top/><bottom style="thin"><color rgb="FF8C959F"/></bottom><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="5">` +
  `<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
  `<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf>` +
  `<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>` +
  `<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top"/></xf>` +
  `<xf numFmtId="1" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top"/></xf>` +
  `</cellXfs>` +
  `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
  `</styleSheet>`;
