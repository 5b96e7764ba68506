/** Reading a data table from an .xlsx workbook: its size capped, the file checked and read by the DataSource's reader, then the sheet as a table. */
import type { Table } from '../csv';
import { formatSize } from '../file-size';
import type { DataSource } from '../load-context';
import { errorAt, type DataIssue } from '../problems';
import { WORKBOOK_LIMITS } from './container';
import { sheetTable } from './table';

/**
 * Reads the worksheet named after the table (`tasks`, `progress` …), else the first one; no table when the file is
 * refused. `readBytes` reads the file as the loader reads every file (a link or a device is refused, and recorded, there).
 */
export function readWorkbookTable(
  source: DataSource,
  path: string,
  kind: string,
  readBytes: (path: string) => Uint8Array | undefined,
  maxFileBytes = WORKBOOK_LIMITS.maxFileBytes,
): { table?: Table | undefined; issues: DataIssue[] } {
  const size = source.size(path) ?? 0;
  if (size > maxFileBytes)
    return refuse(
      path,
      'file-too-large',
      `is ${formatSize(size)}; workbooks over ${formatSize(maxFileBytes)} are refused (a plan's tables are usually well under 1 MB; save a larger one as "CSV UTF-8")`,
    );
  if (!source.parseWorkbook)
    return refuse(path, 'workbook-unsupported', 'is a workbook, which this tool cannot read; save it as "CSV UTF-8"');
  const bytes = readBytes(path);
  if (bytes === undefined) return { issues: [] };
  const read = source.parseWorkbook(bytes, kind);
  if (!read.ok) return refuse(path, read.code, read.message);
  return sheetTable(path, read.sheet);
}

function refuse(file: string, code: string, message: string): { issues: DataIssue[] } {
  return { issues: [errorAt({ file }, code, message)] };
}
