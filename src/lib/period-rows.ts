/** The rows of a period report's task lists as HTML strings (a list may hold thousands of tasks at province scale). */
import { formatDateVi } from './dates';
import type { TaskState } from './evaluate';
import { attr, html, joinHtml } from './html';
import { taskPath, withBase } from './paths';
import { completedOn } from './period-report';
import { renderNameList, renderStatusBadge, type NameBook } from './task-rows';

/** The `<tr>` rows of DoneInPeriodTable.astro: number, title, final deadline, completion date, status, lead units. */
export function renderDoneRows(
  tasks: readonly TaskState[],
  { base, names }: { base: string; names: NameBook },
): string {
  return joinHtml(
    tasks.map((t) => {
      const href = attr('href', withBase(base, taskPath(t.task.planId, t.task.id)));
      const done = completedOn(t);
      return html`<tr><td data-label="Số"><a${href}>${t.task.id}</a></td>\
<td data-label="Nhiệm vụ"><a${href}>${t.task.title}</a></td>\
<td data-label="Hạn cuối"><time${attr('datetime', t.task.due.final)}>${formatDateVi(t.task.due.final)}</time></td>\
<td data-label="Ngày hoàn thành"><time${attr('datetime', done)}>${formatDateVi(done)}</time></td>\
<td data-label="Tình trạng">${renderStatusBadge(t.status)}</td>\
<td data-label="Đơn vị chủ trì">${renderNameList(t.task.leadUnits, 'unit', { base, names, short: true })}</td></tr>`;
    }),
  ).value;
}
