/** The state shared by one load of data/: how files are reached, and the problems found so far. */
import type { z } from 'zod';
import { checkColumns, parseCsv, parseJsonTable, type Table, type TableRow } from './csv';
import { decodeBytes, type Utf8Decoder } from './decode';
import { formatSize } from './file-size';
import { parseJsonFile } from './json';
import { findLossyText, lineAt, lossyTextMessage } from './lossy-text';
import { errorAt, warningAt, type DataIssue, type RowOrigin } from './problems';
import { COLUMNS } from './schema';
import { WORKBOOK_LIMITS } from './workbook/container';
import type { WorkbookParser } from './workbook/sheet';
import { findTableFile } from './workbook/table-file';
import { readWorkbookTable } from './workbook/read-table';

/** 50 MB: far above any real plan, well below what would exhaust memory. */
export const DEFAULT_MAX_FILE_BYTES = 50 * 1024 * 1024;

/** How the loader reaches files; paths are relative to the repository, like `data/units.csv`. */
export interface DataSource {
  /** The entries of a folder, or an empty list when it does not exist. */
  list(dir: string): { name: string; isDir: boolean }[];
  /** A file's size in bytes, or undefined when there is no such file. */
  size(path: string): number | undefined;
  /** A file's bytes. */
  read(path: string): Uint8Array;
  /** A faster strict UTF-8 decoder than TextDecoder, where the platform has one; it must give TextDecoder's results. */
  decodeUtf8?: Utf8Decoder | undefined;
  /** Reads a worksheet of an .xlsx workbook (src/node/workbook); without it, workbooks are refused. */
  parseWorkbook?: WorkbookParser | undefined;
}

/** Shared state of one load: the source and the problems found so far. */
export class LoadContext {
  readonly issues: DataIssue[] = [];
  constructor(
    readonly source: DataSource,
    readonly maxFileBytes: number,
  ) {}

  /** Reads and decodes a file, or records why it cannot; undefined when missing or unreadable. */
  readText(path: string): string | undefined {
    return this.readDecoded(path)?.text;
  }

  /** Like readText, saying also whether the text is PLAIN_TEXT (text.ts). */
  private readDecoded(path: string): { text: string; plainText: boolean; ungarbled: boolean } | undefined {
    const size = this.source.size(path);
    if (size === undefined) return undefined;
    if (size > this.maxFileBytes) {
      this.issues.push(
        errorAt(
          { file: path },
          'file-too-large',
          `is ${formatSize(size)}; files over ${formatSize(this.maxFileBytes)} are refused (a plan's files are usually well under 1 MB: is this the right file?)`,
        ),
      );
      return undefined;
    }
    const decoded = decodeBytes(this.source.read(path), this.source.decodeUtf8);
    if (!decoded.ok) {
      this.issues.push(errorAt({ file: path, line: decoded.line }, 'encoding', decoded.message));
      return undefined;
    }
    if (decoded.warning) this.issues.push(warningAt({ file: path }, 'encoding', decoded.warning));
    return { text: decoded.text, plainText: decoded.plainText === true, ungarbled: decoded.ungarbled === true };
  }

  /** Reads `<base>.csv`, `<base>.json` or `<base>.xlsx`, never two of them; undefined (with a problem) when missing. */
  readTable(base: string, kind: keyof typeof COLUMNS, required = true): Table | undefined {
    const found = findTableFile(this.source, base, required);
    this.issues.push(...found.issues);
    if (found.path === undefined) return undefined;
    const parsed = found.path.endsWith('.xlsx') ? this.readWorkbook(found.path, kind) : this.readTextTable(found.path);
    if (parsed === undefined) return undefined;
    const { table, issues } = parsed;
    const columns = COLUMNS[kind];
    const columnIssues = checkColumns(table, columns.required, columns.optional);
    const headerBroken = columnIssues.some((i) => i.level === 'error');
    // With required columns missing from the header, "too many fields" on every row only repeats the same fault.
    this.issues.push(...(headerBroken ? issues.filter((i) => i.code !== 'too-many-fields') : issues), ...columnIssues);
    return headerBroken ? undefined : table;
  }

  private readTextTable(path: string): { table: Table; issues: DataIssue[] } | undefined {
    const decoded = this.readDecoded(path);
    if (decoded === undefined) return undefined;
    if (!path.endsWith('.csv')) return parseJsonTable(path, decoded.text);
    // A lossy save decodes without error: only the marks it leaves in the text tell (lossy-text.ts).
    const lossy = findLossyText(decoded.text, decoded.ungarbled);
    if (lossy) {
      const line = lineAt(decoded.text, lossy.index);
      this.issues.push(errorAt({ file: path, line }, 'lossy-text', lossyTextMessage(lossy, 'file')));
      return undefined;
    }
    return parseCsv(path, decoded.text, decoded.plainText);
  }

  private readWorkbook(path: string, kind: string): { table: Table; issues: DataIssue[] } | undefined {
    const read = readWorkbookTable(this.source, path, kind, Math.min(this.maxFileBytes, WORKBOOK_LIMITS.maxFileBytes));
    if (read.table) return { table: read.table, issues: read.issues };
    this.issues.push(...read.issues);
    return undefined;
  }

  /** Reads a JSON settings file (site.json, plan.json) and validates it with a schema; undefined (with problems) when missing or invalid. */
  readJsonFile<S extends z.ZodType>(file: string, schema: S, expected: string): z.output<S> | undefined {
    const text = this.readText(file);
    if (text === undefined) {
      if (this.source.size(file) === undefined)
        this.issues.push(errorAt({ file }, 'missing-file', `is missing (expected ${expected})`));
      return undefined;
    }
    const parsed = parseJsonFile(file, text);
    if (!parsed.ok) {
      this.issues.push(parsed.issue);
      return undefined;
    }
    const result = schema.safeParse(parsed.value);
    if (result.success) return result.data;
    for (const issue of result.error.issues) {
      const field = issue.path.join('.');
      this.issues.push(
        errorAt({ file, jsonPath: field || undefined }, 'invalid-value', `${field} ${issue.message}`.trim(), field),
      );
    }
    return undefined;
  }

  /** Validates one row with a schema, recording each failing field; undefined when the row is invalid. */
  parseRow<S extends z.ZodType>(schema: S, row: TableRow, file: string): z.output<S> | undefined {
    const result = schema.safeParse(row.cells);
    if (result.success) return result.data;
    const origin = originOf(file, row);
    for (const issue of result.error.issues) {
      const field = String(issue.path[0] ?? '');
      this.issues.push(errorAt(origin, 'invalid-value', `${field} ${issue.message}`.trim(), field));
    }
    return undefined;
  }
}

/** A file size for messages (file-size.ts), where the loader first had it. */
export { formatSize };

/** Where a row is, for problems about it. */
export function originOf(file: string, row: TableRow): RowOrigin {
  return { file, line: row.line, jsonPath: row.jsonPath, sheetRow: row.sheetRow };
}

/** Describes where a row is, for "first at …" in messages. */
export function where(row: TableRow): string {
  if (row.line !== undefined) return `line ${row.line}`;
  return row.sheetRow ? `row ${row.sheetRow.row}` : (row.jsonPath ?? '?');
}
