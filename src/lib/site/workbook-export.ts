/** /exports/<plan-id>.xlsx: the CSV export's rows as a workbook: dates as dates, percent as numbers, the header row frozen. */
import { EXPORT_CSV_HEADER, exportRows, type PlanExport } from './exports';
import { fitWidth } from '../data/workbook/fit';
import { writeXlsx, type XlsxColumn } from '../data/workbook/xlsx-write';

// Each CSV column: how its cells are written, and the widest it may be (longer text wraps).
const COLUMNS: Record<(typeof EXPORT_CSV_HEADER)[number], [kind: XlsxColumn['kind'], max: number]> = {
  plan: ['text', 20],
  id: ['text', 10],
  section: ['text', 10],
  title: ['text', 60],
  status: ['text', 14],
  status_label: ['text', 26],
  due: ['date', 12],
  timeline: ['text', 40],
  percent: ['number', 9],
  last_report: ['date', 12],
  lead_units: ['text', 20],
  support_units: ['text', 30],
  directed_by: ['text', 20],
};

/** Writes a plan's export as a workbook: one sheet of its tasks, the same rows and columns as the CSV export. */
export function writePlanWorkbook(data: PlanExport): Promise<Uint8Array<ArrayBuffer>> {
  const rows = exportRows(data);
  const columns = EXPORT_CSV_HEADER.map((header, i): XlsxColumn => {
    const [kind, max] = COLUMNS[header];
    const width =
      kind === 'date'
        ? 12
        : fitWidth(
            header,
            rows.map((r) => r[i]),
            8,
            max,
          );
    return { header, width, kind };
  });
  return writeXlsx({ sheet: 'Nhiệm vụ', columns, rows, date: data.as_of, title: data.plan.title });
}
