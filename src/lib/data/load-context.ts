/** The state shared by one load of data/: how files are reached, and the problems found so far. */
import type { z } from 'zod';
import { checkColumns, parseCsv, parseJsonTable, type Table, type TableRow } from './csv';
import { decodeBytes } from './decode';
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

/** An entry of a folder: a file, a folder, or something refused (a link, a pipe, a device) with the reason. */
export interface SourceEntry {
  name: string;
  isDir: boolean;
  /** Why the entry is neither a regular file nor a folder the loader may read, e.g. "is a symbolic link (to …)". */
  refused?: string | undefined;
}

/** Thrown by a DataSource for an entry it will not read (not a regular file, or reached through a link); `path` names the entry. */
export class RefusedEntry extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
    this.name = 'RefusedEntry';
  }
}

/** How the loader reaches files; paths are relative to the repository, like `data/units.csv`. */
export interface DataSource {
  /** The entries of a folder, or an empty list when it does not exist; throws RefusedEntry for a folder reached through a link. */
  list(dir: string): SourceEntry[];
  /** A file's size in bytes, or undefined when nothing is there (anything else there, a link or a pipe, has a size and read() refuses it). */
  size(path: string): number | undefined;
  /** A regular file's bytes; throws RefusedEntry for anything else. */
  read(path: string): Uint8Array;
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
    const bytes = this.readBytes(path);
    if (bytes === undefined) return undefined;
    const decoded = decodeBytes(bytes);
    if (!decoded.ok) {
      this.issues.push(errorAt({ file: path, line: decoded.line }, 'encoding', decoded.message));
      return undefined;
    }
    if (decoded.warning) this.issues.push(warningAt({ file: path }, 'encoding', decoded.warning));
    return { text: decoded.text, plainText: decoded.plainText === true, ungarbled: decoded.ungarbled === true };
  }

  /** A file's bytes, or undefined with the reason recorded (once per entry) when it is refused or cannot be read. */
  readBytes(path: string): Uint8Array | undefined {
    const read = readEntry(this.source, path);
    if ('bytes' in read) return read.bytes;
    this.record(read.issue);
    return undefined;
  }

  /** A folder's entries that may be read; refused ones are recorded (once each) and left out. */
  list(dir: string): SourceEntry[] {
    const listed = listEntries(this.source, dir);
    listed.issues.forEach((issue) => this.record(issue));
    return listed.entries;
  }

  #recorded = new Set<string>();
  private record(issue: DataIssue): void {
    // A linked folder is named once, not once per file read through it.
    if (this.#recorded.has(issue.file)) return;
    this.#recorded.add(issue.file);
    this.issues.push(issue);
  }

  /** Reads `<base>.csv`, `<base>.json` or `<base>.xlsx`, never two of them; undefined (with a problem) when missing. */
  readTable(base: string, kind: keyof typeof COLUMNS, required = true): Table | undefined {
    const found = findTableFile(this.source, base, required);
    this.issues.push(...found.issues);
    if (found.path === undefined) return undefined;
    // A workbook's sheet is looked for by the table's file name (units, tasks, unit-groups …).
    const sheet = base.slice(base.lastIndexOf('/') + 1);
    const parsed = found.path.endsWith('.xlsx') ? this.readWorkbook(found.path, sheet) : this.readTextTable(found.path);
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

  private readWorkbook(path: string, sheet: string): { table: Table; issues: DataIssue[] } | undefined {
    const limit = Math.min(this.maxFileBytes, WORKBOOK_LIMITS.maxFileBytes);
    const read = readWorkbookTable(this.source, path, sheet, (file) => this.readBytes(file), limit);
    if (read.table) return { table: read.table, issues: read.issues };
    this.issues.push(...read.issues);
    return undefined;
  }

  /** Reads a JSON settings file (site.json, plan.json) and validates it with a schema; undefined (with problems) when missing or invalid. */
  readJsonFile<S extends z.ZodType>(file: string, schema: S, expected: string): z.output<S> | undefined {
    const parsed = this.readJsonValue(file, expected);
    if (!parsed) return undefined;
    const result = schema.safeParse(parsed.value);
    if (result.success) return result.data;
    this.recordJsonIssues(file, result.error.issues);
    return undefined;
  }

  /** A JSON file's value, or undefined with the problem recorded (missing, unreadable or not JSON). */
  private readJsonValue(file: string, expected: string): { value: unknown } | undefined {
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
    return { value: parsed.value };
  }

  /** Records each problem a schema found in a JSON file, at its field's path. */
  private recordJsonIssues(file: string, issues: readonly z.core.$ZodIssue[]): void {
    for (const issue of issues) {
      const field = issue.path.join('.');
      this.issues.push(
        errorAt({ file, jsonPath: field || undefined }, 'invalid-value', `${field} ${issue.message}`.trim(), field),
      );
    }
  }

  /** Like readJsonFile for an object schema: the fields that are valid even when others are not (their problems recorded); undefined when the file cannot be read as JSON. */
  readJsonFilePartly<S extends z.ZodObject>(
    file: string,
    schema: S,
    expected: string,
  ): { value: Partial<z.output<S>>; failed: ReadonlySet<string> } | undefined {
    const parsed = this.readJsonValue(file, expected);
    if (!parsed) return undefined;
    const cells = parsed.value !== null && typeof parsed.value === 'object' ? parsed.value : {};
    const result = schema.safeParse(parsed.value);
    if (result.success) return { value: result.data as Partial<z.output<S>>, failed: new Set() };
    this.recordJsonIssues(file, result.error.issues);
    return {
      ...validFields(schema, cells as Record<string, unknown>, result.error.issues),
      failed: failedFields(result.error.issues),
    };
  }

  /** Validates one row with a schema, recording each failing field; undefined when the row is invalid. */
  parseRow<S extends z.ZodType>(schema: S, row: TableRow, file: string): z.output<S> | undefined {
    const result = schema.safeParse(row.cells);
    if (result.success) return result.data;
    this.recordRowIssues(result.error.issues, row, file);
    return undefined;
  }

  /**
   * Like parseRow, but a row with invalid fields still gives the fields that are valid (and which failed), so the
   * checks against other tables run on them in the same pass instead of after the person fixes the first problem.
   */
  parseRowPartly<S extends z.ZodObject>(
    schema: S,
    row: TableRow,
    file: string,
  ): { value: Partial<z.output<S>>; failed: ReadonlySet<string> } {
    const result = schema.safeParse(row.cells);
    if (result.success) return { value: result.data as Partial<z.output<S>>, failed: new Set() };
    this.recordRowIssues(result.error.issues, row, file);
    return { ...validFields(schema, row.cells, result.error.issues), failed: failedFields(result.error.issues) };
  }

  private recordRowIssues(issues: readonly z.core.$ZodIssue[], row: TableRow, file: string): void {
    const origin = originOf(file, row);
    for (const issue of issues) {
      const field = String(issue.path[0] ?? '');
      this.issues.push(errorAt(origin, 'invalid-value', `${field} ${issue.message}`.trim(), field));
    }
  }
}

/** The top-level fields named by a failed parse's issues. */
function failedFields(issues: readonly z.core.$ZodIssue[]): Set<string> {
  return new Set(issues.map((i) => String(i.path[0] ?? '')));
}

/** Each field of an object schema that parses on its own, skipping those that failed. */
function validFields<S extends z.ZodObject>(
  schema: S,
  cells: Record<string, unknown>,
  issues: readonly z.core.$ZodIssue[],
): { value: Partial<z.output<S>> } {
  const failed = failedFields(issues);
  const value: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
    if (failed.has(key)) continue;
    const parsed = field.safeParse(cells[key]);
    if (parsed.success) value[key] = parsed.data;
  }
  return { value: value as Partial<z.output<S>> };
}

/** Reads a file through a source: its bytes, or the problem (a refused entry, or an error such as EACCES) located at it. */
export function readEntry(source: DataSource, path: string): { bytes: Uint8Array } | { issue: DataIssue } {
  try {
    return { bytes: source.read(path) };
  } catch (error) {
    return { issue: entryIssue(path, error) };
  }
}

/** Lists a folder through a source: the entries that may be read, and a problem for each refused one. */
export function listEntries(source: DataSource, dir: string): { entries: SourceEntry[]; issues: DataIssue[] } {
  let listed: SourceEntry[];
  try {
    listed = source.list(dir);
  } catch (error) {
    return { entries: [], issues: [entryIssue(dir, error)] };
  }
  const issues = listed.flatMap((e) =>
    e.refused ? [errorAt({ file: `${dir}/${e.name}` }, 'not-a-file', e.refused)] : [],
  );
  return { entries: listed.filter((e) => !e.refused), issues };
}

function entryIssue(path: string, error: unknown): DataIssue {
  if (error instanceof RefusedEntry) return errorAt({ file: error.path }, 'not-a-file', error.reason);
  const { code, message } = error as { code?: string; message?: string };
  return errorAt(
    { file: path },
    'unreadable',
    `could not be read (${code ?? message ?? String(error)}); check that the file is there and readable`,
  );
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
