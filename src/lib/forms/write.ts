/**
 * A unit's form as an .xlsx workbook: a heading (unit, period, cut-off, return date, code), short instructions in
 * Vietnamese, then one row per task: the locked cells of its last report, the cells to fill (a drop-down of the
 * statuses, a percent from 0 to 100, a date no later than the cut-off, a note), and a hidden column of checks.
 */
import type ExcelJS from 'exceljs';
import { formatDateVi } from '../dates';
import { REPORTED_STATUSES } from '../data/model';
import { REPORTED_LABELS } from '../status/status';
import { fitHeight } from '../data/workbook/fit';
import { dateCell, newWorkbook, workbookBytes } from '../data/workbook/write';
import type { UnitForm } from './build';
import { FILL_COLUMNS, FORM_COLUMNS, FORM_SHEET, HEADING, LOCKED_COLUMNS } from './layout';
import { periodLabel } from './period';

// Column widths in characters, in FORM_COLUMNS order (the check column is hidden).
const WIDTHS = [16, 11, 42, 11, 16, 11, 36, 18, 11, 13, 42, 20];
const LAST = FORM_COLUMNS.length - 1;
const LOCKED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
const OPEN_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF5C2' } };
const THIN: ExcelJS.Borders = ['top', 'left', 'bottom', 'right'].reduce(
  (b, side) => ({ ...b, [side]: { style: 'thin', color: { argb: 'FF8C959F' } } }),
  {} as ExcelJS.Borders,
);

// The instructions under the heading, one a line.
function formInstructions(form: UnitForm): string[] {
  const cutoff = formatDateVi(form.cutoff);
  return [
    `1. Chỉ điền các ô nền vàng: "Tình trạng" (chọn trong danh sách), "Tiến độ (%)" (số nguyên từ 0 đến 100), "Ngày hoàn thành" (chỉ khi đã hoàn thành, dạng ngày/tháng/năm, không sau ngày ${cutoff}) và "Ghi chú" (kết quả đã làm trong kỳ).`,
    '2. Nhiệm vụ nào trong kỳ không có gì mới thì để trống cả bốn ô của dòng đó.',
    '3. Không sửa các ô nền xám, không thêm, xóa hay đổi tên cột: khi nhận lại, biểu mẫu bị sửa các ô này sẽ không được nhận.',
    `4. Lưu tệp dạng Excel (.xlsx) hoặc "CSV UTF-8" và gửi lại Văn phòng trước ngày ${formatDateVi(form.returnBy)}.`,
  ];
}

/** Writes a unit's form as a workbook (the same bytes for the same form). */
export async function writeFormWorkbook(form: UnitForm, title: string): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = newWorkbook(form.cutoff, `Báo cáo tiến độ ${periodLabel(form.period)} — ${form.unit.name}`);
  const sheet = workbook.addWorksheet(FORM_SHEET, {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  WIDTHS.forEach((width, i) => (sheet.getColumn(i + 1).width = width));
  sheet.getColumn(LAST + 1).hidden = true;
  const headerRow = writeHeading(sheet, form, title);
  writeTable(sheet, form, headerRow);
  sheet.views = [{ state: 'frozen', ySplit: headerRow, xSplit: 2, topLeftCell: `C${headerRow + 1}` }];
  sheet.pageSetup.printTitlesRow = `${headerRow}:${headerRow}`;
  await sheet.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
  });
  return workbookBytes(workbook, form.cutoff);
}

// The heading and the instructions; returns the row of the table's header.
function writeHeading(sheet: ExcelJS.Worksheet, form: UnitForm, title: string): number {
  const top = sheet.getCell('A1');
  top.value = `PHIẾU BÁO CÁO TIẾN ĐỘ THỰC HIỆN KẾ HOẠCH — ${periodLabel(form.period).toUpperCase()}`;
  top.font = { bold: true, size: 14 };
  sheet.mergeCells(1, 1, 1, LAST);
  sheet.getCell('A2').value = title;
  sheet.mergeCells(2, 1, 2, LAST);
  const heading: [string, ExcelJS.CellValue][] = [
    [HEADING.unit, form.unit.name],
    [HEADING.unitId, form.unit.id],
    [HEADING.period, `Tháng ${form.period.month}/${form.period.year}`],
    [HEADING.cutoff, dateCell(form.cutoff)],
    [HEADING.returnBy, dateCell(form.returnBy)],
    [HEADING.code, form.code],
  ];
  heading.forEach(([label, value], i) => {
    const row = 4 + i;
    sheet.getCell(row, 1).value = `${label}:`;
    sheet.getCell(row, 1).font = { bold: true };
    sheet.mergeCells(row, 1, row, 2);
    const cell = sheet.getCell(row, 3);
    cell.value = value;
    cell.alignment = { horizontal: 'left' };
    if (value instanceof Date) cell.numFmt = 'dd/mm/yyyy';
  });
  const start = 4 + heading.length + 1;
  sheet.getCell(start, 1).value = 'Hướng dẫn:';
  sheet.getCell(start, 1).font = { bold: true };
  formInstructions(form).forEach((text, i) => {
    const row = start + 1 + i;
    sheet.getCell(row, 1).value = text;
    sheet.getCell(row, 1).alignment = { wrapText: true, vertical: 'top' };
    sheet.mergeCells(row, 1, row, LAST);
    sheet.getRow(row).height = fitHeight([text], [WIDTHS.slice(0, LAST).reduce((a, b) => a + b, 0)]);
  });
  return start + formInstructions(form).length + 2;
}

function writeTable(sheet: ExcelJS.Worksheet, form: UnitForm, headerRow: number): void {
  const header = sheet.getRow(headerRow);
  FORM_COLUMNS.forEach(([, label], i) => {
    const cell = header.getCell(i + 1);
    cell.value = label;
    cell.font = { bold: true };
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    cell.border = THIN;
    cell.fill = i >= LOCKED_COLUMNS.length && i < LAST ? OPEN_FILL : LOCKED_FILL;
  });
  header.height = fitHeight(
    FORM_COLUMNS.map(([, label]) => label),
    WIDTHS,
  );
  form.rows.forEach((r, n) => {
    const row = sheet.getRow(headerRow + 1 + n);
    const locked = LOCKED_COLUMNS.map(([c]) => r.locked[c]);
    locked[3] = dateCell(r.due) as unknown as string;
    row.values = [
      ...locked.map((v, i) => (i === 5 && r.lastPercent !== undefined ? r.lastPercent : v)),
      '',
      '',
      '',
      '',
      r.check,
    ];
    row.alignment = { wrapText: true, vertical: 'top' };
    row.height = fitHeight(
      LOCKED_COLUMNS.map(([c]) => (c === 'due' ? '' : r.locked[c])),
      WIDTHS,
    );
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cell.border = THIN;
      if (col <= LOCKED_COLUMNS.length) cell.fill = LOCKED_FILL;
    });
    row.getCell(4).numFmt = 'dd/mm/yyyy';
    openCells(row, form);
  });
}

// The cells to fill: unlocked, yellow, each with the check Excel and LibreOffice make when a value is typed in.
function openCells(row: ExcelJS.Row, form: UnitForm): void {
  const first = LOCKED_COLUMNS.length + 1;
  const labels = REPORTED_STATUSES.map((s) => REPORTED_LABELS[s]);
  const validations: ExcelJS.DataValidation[] = [
    {
      type: 'list',
      allowBlank: true,
      formulae: [`"${labels.join(',')}"`],
      showErrorMessage: true,
      errorTitle: 'Tình trạng',
      error: `Chọn một trong: ${labels.join(', ')}.`,
    },
    {
      type: 'whole',
      operator: 'between',
      allowBlank: true,
      formulae: [0, 100],
      showErrorMessage: true,
      errorTitle: 'Tiến độ (%)',
      error: 'Ghi số nguyên từ 0 đến 100.',
    },
    {
      type: 'date',
      operator: 'lessThanOrEqual',
      allowBlank: true,
      formulae: [dateCell(form.cutoff)],
      showErrorMessage: true,
      errorTitle: 'Ngày hoàn thành',
      error: `Ghi ngày dạng ngày/tháng/năm, không sau ngày ${formatDateVi(form.cutoff)}.`,
    },
  ];
  FILL_COLUMNS.forEach((_, i) => {
    const cell = row.getCell(first + i);
    cell.protection = { locked: false };
    cell.fill = OPEN_FILL;
    const validation = validations[i];
    if (validation) cell.dataValidation = validation;
  });
  row.getCell(first + 1).numFmt = '0';
  row.getCell(first + 2).numFmt = 'dd/mm/yyyy';
}
