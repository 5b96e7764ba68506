/** The state shared by one load of data/: how files are reached, and the problems found so far. */
import type { z } from 'zod';
import { checkColumns, parseCsv, parseJsonTable, type Table, type TableRow } from './csv';
import { decodeBytes, type Utf8Decoder } from './decode';
import { parseJsonFile } from './json';
import { errorAt, warningAt, type DataIssue, type RowOrigin } from './problems';
import { COLUMNS } from './schema';

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
  private readDecoded(path: string): { text: string; plainText: boolean } | undefined {
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
    return { text: decoded.text, plainText: decoded.plainText === true };
  }

  /** Reads `<base>.csv` or `<base>.json`, never both; undefined (with a problem) when missing. */
  readTable(base: string, kind: keyof typeof COLUMNS, required = true): Table | undefined {
    const csv = `${base}.csv`;
    const json = `${base}.json`;
    const hasCsv = this.source.size(csv) !== undefined;
    const hasJson = this.source.size(json) !== undefined;
    if (hasCsv && hasJson) {
      this.issues.push(errorAt({ file: csv }, 'duplicate-table', `and ${json} both exist; keep one of them`));
      return undefined;
    }
    if (!hasCsv && !hasJson) {
      if (required) this.issues.push(errorAt({ file: csv }, 'missing-file', `is missing (expected ${csv} or ${json})`));
      return undefined;
    }
    const path = hasCsv ? csv : json;
    const decoded = this.readDecoded(path);
    if (decoded === undefined) return undefined;
    const { table, issues } = hasCsv
      ? parseCsv(path, decoded.text, decoded.plainText)
      : parseJsonTable(path, decoded.text);
    const columns = COLUMNS[kind];
    const columnIssues = checkColumns(table, columns.required, columns.optional);
    const headerBroken = columnIssues.some((i) => i.level === 'error');
    // With required columns missing from the header, "too many fields" on every row only repeats the same fault.
    this.issues.push(...(headerBroken ? issues.filter((i) => i.code !== 'too-many-fields') : issues), ...columnIssues);
    return headerBroken ? undefined : table;
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

  /** Like readJsonFile for an object schema: the fields that are valid even when others are not (their problems recorded); undefined when the file cannot be read as JSON. */
  readJsonFilePartly<S extends z.ZodObject>(
    file: string,
    schema: S,
    expected: string,
  ): { value: Partial<z.output<S>>; failed: ReadonlySet<string> } | undefined {
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
    const cells = parsed.value !== null && typeof parsed.value === 'object' ? parsed.value : {};
    const result = schema.safeParse(parsed.value);
    if (result.success) return { value: result.data as Partial<z.output<S>>, failed: new Set() };
    for (const issue of result.error.issues) {
      const field = issue.path.join('.');
      this.issues.push(
        errorAt({ file, jsonPath: field || undefined }, 'invalid-value', `${field} ${issue.message}`.trim(), field),
      );
    }
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

/** A file size for messages: MB from 1 MB up, KB below. */
function formatSize(bytes: number): string {
  return bytes >= 1048576 ? `${Number((bytes / 1048576).toFixed(1))} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** Where a row is, for problems about it. */
export function originOf(file: string, row: TableRow): RowOrigin {
  return { file, line: row.line, jsonPath: row.jsonPath };
}

/** Describes where a row is, for "first at …" in messages. */
export function where(row: TableRow): string {
  return row.line !== undefined ? `line ${row.line}` : (row.jsonPath ?? '?');
}
