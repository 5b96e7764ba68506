/** Test-only CSV writer that imitates what spreadsheets save: any separator, line end, quoting and trailing junk. */
import Papa from 'papaparse';

/** How a file is written: the choices Excel, LibreOffice and hand edits make. */
export interface CsvStyle {
  separator: ',' | ';' | '\t';
  /** Between rows. */
  lineEnd: '\n' | '\r\n';
  /** Inside a quoted cell (Excel writes LF there even in CRLF files). */
  cellLineEnd: '\n' | '\r\n';
  /** Quote every cell, as LibreOffice's "quote all text cells" does. */
  quoteAll: boolean;
  /** Empty cells added to the end of every row (Excel's `;;;`). */
  trailingEmpty: number;
  /** Blank lines, or rows of bare separators, after the last row. */
  trailingBlank: number;
  /** How the header names are written. */
  headerCase: 'lower' | 'upper' | 'title';
  /** Wraps each value in stray spaces and non-breaking spaces. */
  padValues: boolean;
}

/** The plain style: comma, LF, minimal quoting, nothing extra. */
export const CLEAN_STYLE: CsvStyle = {
  separator: ',',
  lineEnd: '\n',
  cellLineEnd: '\n',
  quoteAll: false,
  trailingEmpty: 0,
  trailingBlank: 0,
  headerCase: 'lower',
  padValues: false,
};

/** Writes a table as CSV text in the given style. */
export function writeTestCsv(header: readonly string[], rows: readonly (readonly string[])[], style: CsvStyle): string {
  const cell = (value: string) => {
    const padded = style.padValues && value !== '' ? ` \u00a0${value}\u00a0 ` : value;
    const text = padded.replace(/\r\n|\n/g, style.cellLineEnd);
    const needsQuotes = style.quoteAll || text.includes(style.separator) || /["\r\n]/.test(text);
    return needsQuotes ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const extra = style.separator.repeat(style.trailingEmpty);
  const names = header.map((h) =>
    style.headerCase === 'upper'
      ? h.toUpperCase()
      : style.headerCase === 'title'
        ? h[0]!.toUpperCase() + h.slice(1)
        : h,
  );
  const lines = [
    names.map(cell).join(style.separator) + extra,
    ...rows.map((row) => row.map(cell).join(style.separator) + extra),
  ];
  for (let i = 0; i < style.trailingBlank; i++) lines.push(i % 2 ? '' : style.separator.repeat(header.length - 1));
  return lines.join(style.lineEnd) + style.lineEnd;
}

/** Reads a clean CSV (header first) back into its header and rows, for re-writing in another style. */
export function readCleanCsv(text: string): { header: string[]; rows: string[][] } {
  const parsed = Papa.parse<string[]>(text.replace(/^\ufeff/, ''), {
    header: false,
    skipEmptyLines: true,
    delimiter: ',',
  });
  const [header = [], ...rows] = parsed.data;
  return { header, rows };
}
