/** The rows of the task index's table as HTML text, written once for the table and for its <noscript> copy. */
import { formatDateVi } from '../dates';
import { STATUS_LABELS } from '../status/status';
import type { TaskIndexRow } from './task-index';
import { escapeText } from './html';

/** What a row shows besides its task: the address of the task's page and the names of units and leaders. */
export interface TaskRowContext {
  href: (planId: string, taskId: string) => string;
  unitName: (id: string) => string | undefined;
  leaderName: (id: string) => string | undefined;
}

// Rows escape with escapeText (html.ts): `& < > " '` alike in text and attribute values. Inside a <noscript>, a
// page with JavaScript reads the rows as plain text up to the first `</noscript`, so no value may hold a `<` as it is.

const attr = (name: string, value: string) => (value === '' ? ` data-${name}` : ` data-${name}="${escapeText(value)}"`);
const td = (html: string) => `<td>${html}</td>`;
const names = (ids: readonly string[], name: (id: string) => string | undefined) =>
  escapeText(ids.map((id) => name(id) ?? id).join(', '));

/**
 * One `<tr>`: the cells shown, with one link (the task; its page links the rest), and the data-* attributes
 * <task-filter> reads (sections without the plan, which the row already says; `data-support="*"` for every unit). No white space between cells: it
 * would add ten text nodes to each of thousands of rows.
 */
export function taskRowHtml(row: TaskIndexRow, context: TaskRowContext): string {
  const { state } = row;
  const { task } = state;
  const attrs = [
    attr('plan', task.planId),
    attr('id', task.id),
    attr('sections', row.sections.map((key) => key.slice(task.planId.length + 1)).join(' ')),
    attr('lead', task.leadUnits.join(' ')),
    // `*` (every unit but the lead units) stays `*`: spelt out, it would name every unit of the province.
    attr('support', task.supportAll ? '*' : task.supportUnits.join(' ')),
    attr('leaders', task.directedBy.join(' ')),
    attr('percent', state.percent === undefined ? '' : String(state.percent)),
    attr('due', task.due.final),
    attr('last', state.lastReport ?? ''),
  ].join('');
  const cells = [
    td(escapeText(task.planId)),
    td(escapeText(task.id)),
    td(`<a href="${escapeText(context.href(task.planId, task.id))}">${escapeText(task.title)}</a>`),
    td(`<span class="badge" data-status="${state.status}">${escapeText(STATUS_LABELS[state.status])}</span>`),
    td(state.percent === undefined ? '—' : `${state.percent}%`),
    td(formatDateVi(task.due.final)),
    td(names(task.leadUnits, context.unitName)),
    td(names(task.directedBy, context.leaderName)),
    td(state.lastReport ? formatDateVi(state.lastReport) : '—'),
  ].join('');
  return `<tr${attrs}>${cells}</tr>`;
}
