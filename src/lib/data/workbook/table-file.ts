/** Which file holds a table: `<base>.csv`, `.json` or `.xlsx`, never two; workbook formats that are not read are refused. */
import type { DataSource } from '../load-context';
import { errorAt, type DataIssue } from '../problems';

/** The formats a table may be written in, in the order messages name them. */
export const TABLE_FORMATS = ['csv', 'json', 'xlsx'] as const;

// Formats a spreadsheet program may save that are not read: what each is, and what saving it as .xlsx leaves behind.
const REFUSED: Readonly<Record<string, [what: string, note: string]>> = {
  xls: ['an Excel 97–2003 workbook (.xls)', ''],
  xlsm: ['a macro-enabled workbook (.xlsm)', ', which leaves the macros out'],
  xlsb: ['a binary Excel workbook (.xlsb)', ''],
  ods: ['an OpenDocument spreadsheet (.ods)', ''],
};

/** Why a file of a spreadsheet format that is not read is refused, and how to save it instead; undefined for other formats. */
export function refusedFormatMessage(ext: string): string | undefined {
  const refused = Object.hasOwn(REFUSED, ext) ? REFUSED[ext] : undefined;
  if (!refused) return undefined;
  const [what, note] = refused;
  return `is ${what}, which is not read; open it in Excel or LibreOffice and save it as "Excel Workbook (.xlsx)" (File → Save As)${note}`;
}

/** The table's file (undefined when there is none to read) and the problems in finding it. */
export function findTableFile(
  source: DataSource,
  base: string,
  required: boolean,
): { path: string | undefined; issues: DataIssue[] } {
  const issues: DataIssue[] = [];
  const name = base.slice(base.lastIndexOf('/') + 1);
  for (const ext of Object.keys(REFUSED)) {
    const file = `${base}.${ext}`;
    if (source.size(file) !== undefined)
      issues.push(errorAt({ file }, 'workbook-format', `${refusedFormatMessage(ext)}, and remove ${name}.${ext}`));
  }
  const present = TABLE_FORMATS.map((ext) => `${base}.${ext}`).filter((file) => source.size(file) !== undefined);
  if (present.length > 1) {
    const others = present.slice(1).join(' and ');
    issues.push(
      errorAt(
        { file: present[0]! },
        'duplicate-table',
        `and ${others} ${present.length > 2 ? 'all' : 'both'} exist; keep one of them`,
      ),
    );
    return { path: undefined, issues };
  }
  if (present.length === 0 && required && issues.length === 0) {
    const expected = TABLE_FORMATS.map((ext) => `${base}.${ext}`);
    issues.push(
      errorAt(
        { file: expected[0]! },
        'missing-file',
        `is missing (expected ${expected.slice(0, -1).join(', ')} or ${expected.at(-1)})`,
      ),
    );
  }
  return { path: present[0], issues };
}
