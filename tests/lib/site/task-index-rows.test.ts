import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TaskIndexRow } from '../../../src/lib/site/task-index';
import { escapeText } from '../../../src/lib/site/html';
import { taskRowHtml, type TaskRowContext } from '../../../src/lib/site/task-index-rows';
import { defaultTaskIndex } from '../../support/default-index';

describe('the rows of /tasks/ as HTML text', () => {
  const { units, leaders, byId } = defaultTaskIndex();
  const context: TaskRowContext = {
    href: (plan, task) => `/ke-hoach/plans/${plan}/tasks/${task}/`,
    unitName: (id) => units.get(id)?.shortName,
    leaderName: (id) => leaders.get(id)?.title,
  };
  const withTitle = (row: TaskIndexRow, title: string): TaskIndexRow => ({
    ...row,
    state: { ...row.state, task: { ...row.state.task, title } },
  });

  it('writes a row as one line: the data-* attributes the filter reads, then the nine cells', () => {
    const row = byId('II.1.a');
    const html = taskRowHtml(row, context);
    const { task } = row.state;
    expect(html).toMatch(
      /^<tr data-plan="2024-khac-phuc" data-id="II\.1\.a" data-sections="II II\.1" data-lead="[^"]+" data-support(="[^"]*")? data-leaders="[^"]+" data-percent="\d+" data-due="2024-12-31" data-last="2024-\d\d-\d\d"><td>/,
    );
    expect(html).toContain(
      `<td><a href="/ke-hoach/plans/2024-khac-phuc/tasks/II.1.a/">${escapeText(task.title)}</a></td>`,
    );
    expect(html).toContain('<td><span class="badge" data-status="in_progress">Đang thực hiện</span></td>');
    expect(html).toContain('<td>31/12/2024</td>');
    expect(html.match(/<td>/g)).toHaveLength(9);
    expect(html).not.toMatch(/>\s+</);
  });

  it('writes support "*" as "*", not as every unit of the province', () => {
    expect(byId('II.3.b').state.task.supportAll).toBe(true);
    expect(taskRowHtml(byId('II.3.b'), context)).toContain(' data-support="*" ');
  });

  it('writes an empty value as a bare attribute and a missing figure as a dash', () => {
    const row = byId('II.1.a');
    const bare = {
      ...row,
      state: {
        ...row.state,
        percent: undefined,
        lastReport: undefined,
        task: { ...row.state.task, supportUnits: [], supportAll: false },
      },
    };
    const html = taskRowHtml(bare, context);
    expect(html).toContain(' data-support data-leaders=');
    expect(html).toContain(' data-percent data-due="2024-12-31" data-last>');
    expect(html).toMatch(/<td>—<\/td><td>31\/12\/2024<\/td>.*<td>—<\/td><\/tr>$/);
  });

  it('escapes every value, so no title or name can end the <noscript> that holds the whole table', () => {
    const html = taskRowHtml(withTitle(byId('II.1.a'), '</noscript><script>alert("x")</script> & \'y\''), context);
    expect(html).toContain('&lt;/noscript&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;</a>');
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (title, unit, leader) => {
        const text = taskRowHtml(withTitle(byId('II.1.a'), title), {
          ...context,
          unitName: () => unit,
          leaderName: () => leader,
        });
        // the row's own 24 tags (tr, nine td, a, span, opened and closed) and no other "<"
        expect(text.split('<').length - 1).toBe(24);
        expect(text.toLowerCase()).not.toContain('</noscript');
      }),
    );
  });
});
