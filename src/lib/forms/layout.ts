/**
 * The layout of a unit's monthly form, shared by the code that writes it and the code that reads it back: the
 * heading's labels, the columns, and how a locked cell's value is written down to be compared (its check).
 */
import { parseDate } from '../dates';
import { numberText, type SheetValue } from '../data/workbook/sheet';
import { cleanMultiline, cleanText } from '../text';

/** The form's worksheet. */
export const FORM_SHEET = 'Báo cáo';

/** The heading's labels (column A), each followed by its value. */
export const HEADING = {
  unit: 'Đơn vị',
  unitId: 'Mã đơn vị',
  period: 'Kỳ báo cáo',
  cutoff: 'Số liệu tính đến ngày',
  returnBy: 'Hạn gửi lại',
  code: 'Mã biểu mẫu',
} as const;

/** The locked columns: what the form was generated with, one task a row. */
export const LOCKED_COLUMNS = [
  ['plan', 'Kế hoạch'],
  ['task', 'Mã nhiệm vụ'],
  ['title', 'Tên nhiệm vụ'],
  ['due', 'Hạn'],
  ['last_status', 'Tình trạng kỳ trước'],
  ['last_percent', 'Tiến độ kỳ trước (%)'],
  ['last_note', 'Ghi chú kỳ trước'],
] as const;

/** The columns the unit fills in. */
export const FILL_COLUMNS = [
  ['status', 'Tình trạng'],
  ['percent', 'Tiến độ (%)'],
  ['completed_on', 'Ngày hoàn thành'],
  ['note', 'Ghi chú'],
] as const;

/** The hidden column holding each row's checks of its locked cells. */
const CHECK_COLUMN = ['check', 'Mã kiểm tra'] as const;

/** Every column, in order. */
export const FORM_COLUMNS = [...LOCKED_COLUMNS, ...FILL_COLUMNS, CHECK_COLUMN] as const;

/** A column's key. */
export type FormColumn = (typeof FORM_COLUMNS)[number][0];
/** A locked column's key. */
export type LockedColumn = (typeof LOCKED_COLUMNS)[number][0];

/** What a row shows when the task has no report yet. */
export const NO_REPORT = 'Chưa báo cáo';

/** A hash of text in hex (SHA-256 in src/node/hash.ts), passed in so this stays pure. */
export type Hash = (text: string) => string;

/** Which form a check belongs to: its period (`YYYY-MM`) and unit. */
export interface FormKey {
  period: string;
  unit: string;
}

/** The check of one locked cell: 8 hex digits of the hash of its form, row, column and value as generated. */
export function cellCheck(
  hash: Hash,
  form: FormKey,
  task: { plan: string; task: string },
  column: LockedColumn,
  value: string,
): string {
  return hash(['cell', form.period, form.unit, task.plan, task.task, column, value].join('\u0000')).slice(0, 8);
}

/** The form's code, shown in its heading: 16 hex digits of the hash of its period, unit and dates. */
export function formCode(hash: Hash, form: FormKey, cutoff: string, returnBy: string): string {
  return hash(['form', form.period, form.unit, cutoff, returnBy].join('\u0000')).slice(0, 16);
}

/** A locked cell's value as its check is made of: the same whether the form comes back as a workbook or as CSV. */
export function lockedValue(column: LockedColumn, value: SheetValue | undefined): string {
  if (value === undefined) return '';
  if (column === 'due') {
    if (value.t === 'd') return value.v;
    const text = value.t === 's' ? cleanText(value.v) : '';
    return parseDate(text) ?? text;
  }
  if (column === 'last_percent') {
    if (value.t === 'n') return numberText(value.pct ? value.v * 100 : value.v);
    const text = value.t === 's' ? cleanText(value.v).replace(/\s*%$/, '') : '';
    return text !== '' && Number.isFinite(Number(text)) ? numberText(Number(text)) : text;
  }
  if (value.t !== 's') return value.t === 'n' ? numberText(value.v) : value.t === 'd' ? value.v : '';
  return column === 'last_note' ? cleanMultiline(value.v) : cleanText(value.v);
}
