import { describe, expect, it } from 'vitest';
import type { Leader, Report, Unit } from '../../../src/lib/data/model';
import type { NameBook } from '../../../src/lib/site/cells';
import {
  renderDueSoonTable,
  renderOverdueTable,
  renderReportHistoryTable,
  renderStaleUnitsTable,
  renderTaskTable,
  renderUnitReportTable,
  type TableHtml,
  type TaskTableOptions,
} from '../../../src/lib/site/tables';
import { judge, report, task } from '../../support/plan-fixture';

const HOSTILE = `<script>alert(1)</script> "q" 'a' & </td></tr>`;
const units = new Map<string, Unit>([
  ['a', { id: 'a', name: 'Sở Nội vụ', shortName: 'SNV' }],
  ['evil', { id: 'evil', name: `Phòng ${HOSTILE}`, shortName: `P" onmouseover="alert(2)` }],
]);
const leaders = new Map<string, Leader>([
  ['cvp', { id: 'cvp', title: 'Chánh Văn phòng' }],
  ['evil', { id: 'evil', title: `<svg onload=alert(3)> & "x"` }],
]);
const live: NameBook = { units, leaders, archived: false };
const archived: NameBook = { units, leaders, archived: true };
const options = (more: Partial<TaskTableOptions> = {}): TaskTableOptions => ({
  base: '/',
  namesOf: () => live,
  showTimeline: true,
  showNote: false,
  ...more,
});

// Every "<" outside a tag's quoted attribute value must open one of the tags the renderer writes; text never does.
const TAG = /<(\/?)([a-z]+)((?:\s+[a-z-]+(?:="[^"]*")?)*)\s*>/y;
function tagsOf(html: string): { name: string; attributes: Record<string, string> }[] {
  const tags = [];
  for (let i = html.indexOf('<'); i !== -1; i = html.indexOf('<', TAG.lastIndex)) {
    TAG.lastIndex = i;
    const m = TAG.exec(html);
    if (!m) throw new Error(`a "<" that opens no tag at ${i}: ${html.slice(i, i + 40)}`);
    const attributes = Object.fromEntries(
      [...m[3]!.matchAll(/([a-z-]+)(?:="([^"]*)")?/g)].map((a) => [a[1]!, a[2] ?? '']),
    );
    tags.push({ name: `${m[1]}${m[2]}`, attributes });
  }
  return tags;
}
const ALLOWED_TAGS = new Set(
  ['tr', 'td', 'a', 'span', 'time', 'div', 'p', 'ul', 'li', 'strong'].flatMap((t) => [t, `/${t}`]),
);
const ALLOWED_ATTRIBUTES = new Set(['href', 'title', 'class', 'data-label', 'data-status', 'datetime']);

function expectInert(html: string): void {
  for (const tag of tagsOf(html)) {
    expect(ALLOWED_TAGS).toContain(tag.name);
    for (const [name, value] of Object.entries(tag.attributes)) {
      expect(ALLOWED_ATTRIBUTES).toContain(name);
      if (name === 'href') expect(value).toMatch(/^\//);
    }
  }
}

describe('renderTaskTable', () => {
  const renderTaskRows = async (...args: Parameters<typeof renderTaskTable>) => (await renderTaskTable(...args)).rows;

  const plan = judge(
    [
      task('I.1', '2024-06-30', ['a'], { directedBy: ['cvp'], timeline: 'Quý II' }),
      task('I.2', '2024-12-31', ['a', 'nobody'], { directedBy: ['cvp', 'evil'] }),
    ],
    [report('I.1', '2024-06-20', 'done', { percent: 100, completedOn: '2024-06-18', note: 'Đã xong' })],
    '2024-07-01',
  );

  it('writes a row: linked id and title, badge, percent, <time>, leaders, lead units by short name', async () => {
    expect(await renderTaskRows(plan.tasks.slice(0, 1), options())).toBe(
      '<tr><td data-label="Số"><a href="/plans/p/tasks/I.1/">I.1</a></td>' +
        '<td data-label="Nhiệm vụ"><a href="/plans/p/tasks/I.1/">Nhiệm vụ I.1</a></td>' +
        '<td data-label="Tình trạng"><span class="badge" data-status="done_on_time">Hoàn thành đúng hạn</span></td>' +
        '<td data-label="Tiến độ" class="num">100%</td>' +
        '<td data-label="Hạn cuối"><time datetime="2024-06-30">30/06/2024</time></td>' +
        '<td data-label="Thời gian thực hiện">Quý II</td>' +
        '<td data-label="Chỉ đạo"><a href="/leaders/cvp/">Chánh Văn phòng</a></td>' +
        '<td data-label="Đơn vị tham mưu"><a href="/units/a/" title="Sở Nội vụ">SNV</a></td></tr>',
    );
  });

  it('leaves out the timeline column and adds the latest note when asked, and says when there is none', async () => {
    const rows = await renderTaskRows(plan.tasks, options({ showTimeline: false, showNote: true }));
    expect(rows).not.toContain('Thời gian thực hiện');
    expect(rows).toContain(
      '<td data-label="Báo cáo gần nhất" class="note"><time datetime="2024-06-20" class="muted">20/06/2024</time><div class="prose"><p>Đã xong</p></div></td></tr>',
    );
    expect(rows).toContain(
      '<td data-label="Báo cáo gần nhất" class="note"><span class="muted">Chưa có</span></td></tr>',
    );
    expect(rows).toContain('<td data-label="Tiến độ" class="num">—</td>');
  });

  it('links under the site base', async () => {
    const rows = await renderTaskRows(plan.tasks.slice(0, 1), options({ base: '/ke-hoach/' }));
    expect(rows.match(/href="[^"]*"/g)).toEqual([
      'href="/ke-hoach/plans/p/tasks/I.1/"',
      'href="/ke-hoach/plans/p/tasks/I.1/"',
      'href="/ke-hoach/leaders/cvp/"',
      'href="/ke-hoach/units/a/"',
    ]);
  });

  it("names an archived plan's units and leaders without links, the full unit name in title", async () => {
    const rows = await renderTaskRows(plan.tasks.slice(0, 1), options({ namesOf: () => archived }));
    expect(rows).toContain(
      '<td data-label="Chỉ đạo"><span>Chánh Văn phòng</span></td><td data-label="Đơn vị tham mưu"><span title="Sở Nội vụ">SNV</span></td>',
    );
  });

  it('keeps hostile titles, names, timelines and notes as text', async () => {
    const hostile = judge(
      [task('I.1', '2024-12-31', ['evil', 'a'], { title: HOSTILE, directedBy: ['evil'], timeline: HOSTILE })],
      [report('I.1', '2024-06-20', 'in_progress', { note: `${HOSTILE}\n\n<img src=x onerror=alert(4)>` })],
      '2024-07-01',
    );
    for (const flags of [
      { showTimeline: true, showNote: true },
      { showTimeline: false, showNote: false },
    ]) {
      const rows = await renderTaskRows(hostile.tasks, options(flags));
      expectInert(rows);
      expect(rows).toContain(
        '&lt;script&gt;alert(1)&lt;/script&gt; &quot;q&quot; &#39;a&#39; &amp; &lt;/td&gt;&lt;/tr&gt;',
      );
      expect(rows).toContain(
        'title="Phòng <script>alert(1)</script> &quot;q&quot; \'a\' &amp; </td></tr>">P&quot; onmouseover=&quot;alert(2)</a>',
      );
      expect(rows).toContain('>&lt;svg onload=alert(3)&gt; &amp; &quot;x&quot;</a>');
      expect(rows.match(/<tr>/g)).toHaveLength(1);
    }
  });

  it('reuses a row across pages only for the same names and options', async () => {
    const first = await renderTaskRows(plan.tasks, options());
    expect(await renderTaskRows(plan.tasks, options())).toBe(first);
    const renamed: NameBook = {
      units: new Map([['a', { id: 'a', name: 'Sở Mới', shortName: 'SM' }]]),
      leaders,
      archived: false,
    };
    expect(await renderTaskRows(plan.tasks, options({ namesOf: () => renamed }))).toContain('title="Sở Mới">SM</a>');
    expect(await renderTaskRows(plan.tasks, options({ base: '/x/' }))).toContain('href="/x/plans/p/tasks/I.1/"');
  });
});

describe('renderReportHistoryTable', () => {
  const rowsOf = async (reports: Report[]) =>
    (await renderReportHistoryTable(task('I.1', '2024-12-31'), reports, { base: '/', names: live })).rows;

  it('writes the report history: date, status with completion date, percent, note, unit', async () => {
    const rows = await rowsOf([
      report('I.1', '2024-06-20', 'done', {
        percent: 100,
        completedOn: '2024-06-18',
        note: 'Đã xong',
        reportedBy: 'a',
      }),
      report('I.1', '2024-05-20', 'in_progress'),
    ]);
    expect(rows).toBe(
      '<tr><td data-label="Ngày báo cáo"><time datetime="2024-06-20">20/06/2024</time></td>' +
        '<td data-label="Tình trạng">Đã hoàn thành ngày 18/06/2024</td><td data-label="Tiến độ" class="num">100%</td>' +
        '<td data-label="Ghi chú"><div class="prose"><p>Đã xong</p></div></td>' +
        '<td data-label="Đơn vị báo cáo"><a href="/units/a/" title="Sở Nội vụ">SNV</a></td></tr>' +
        '<tr><td data-label="Ngày báo cáo"><time datetime="2024-05-20">20/05/2024</time></td>' +
        '<td data-label="Tình trạng">Đang thực hiện</td><td data-label="Tiến độ" class="num">—</td>' +
        '<td data-label="Ghi chú"></td><td data-label="Đơn vị báo cáo">—</td></tr>',
    );
  });

  it('keeps hostile notes and unit names inert', async () => {
    const rows = await rowsOf([
      report('I.1', '2024-06-20', 'in_progress', { note: `${HOSTILE} [x](javascript:alert(5))`, reportedBy: 'evil' }),
    ]);
    expectInert(rows);
    expect(rows).not.toContain('javascript:');
  });
});

describe("the dashboard's tables and a unit's reports", () => {
  const plan = judge(
    [task('I.1', '2024-06-30', ['a', 'evil'], { title: HOSTILE }), task('I.2', '2024-Q3;2024-12-31', ['a'])],
    [report('I.1', '2024-05-31', 'in_progress', { percent: 40, note: 'Đang làm' })],
    '2024-09-20',
  );
  const [overdue, dueSoon] = plan.tasks;
  const names = { base: '/', names: live };

  it('writes the overdue tasks: deadline, days overdue, lead units, percent, last report', async () => {
    const { rows } = await renderOverdueTable([overdue!], '2024-09-20', names);
    expect(rows).toContain(
      '<td data-label="Hạn cuối"><time datetime="2024-06-30">30/06/2024</time></td>' +
        '<td data-label="Quá hạn" class="num">82 ngày</td>' +
        '<td data-label="Đơn vị chủ trì"><a href="/units/a/" title="Sở Nội vụ">SNV</a>, ',
    );
    expect(rows).toMatch(
      /<td data-label="Tiến độ" class="num">40%<\/td><td data-label="Báo cáo gần nhất"><time datetime="2024-05-31">31\/05\/2024<\/time><\/td><\/tr>$/,
    );
    expectInert(rows);
  });

  it('writes the coming deadlines: milestone and its kind, days left, status, percent, lead units', async () => {
    const { rows } = await renderDueSoonTable(
      [{ state: dueSoon!, milestone: dueSoon!.task.due.milestones[0]!, isFinal: false, daysLeft: 10 }],
      names,
    );
    expect(rows).toBe(
      '<tr><td data-label="Số"><a href="/plans/p/tasks/I.2/">I.2</a></td>' +
        '<td data-label="Nhiệm vụ"><a href="/plans/p/tasks/I.2/">Nhiệm vụ I.2</a></td>' +
        '<td data-label="Đến hạn"><time datetime="2024-09-30">30/09/2024</time> (mốc)</td>' +
        '<td data-label="Còn" class="num">10 ngày</td>' +
        '<td data-label="Tình trạng"><span class="badge" data-status="not_started">Chưa thực hiện</span></td>' +
        '<td data-label="Tiến độ" class="num">—</td>' +
        '<td data-label="Đơn vị chủ trì"><a href="/units/a/" title="Sở Nội vụ">SNV</a></td></tr>',
    );
  });

  it('writes the quiet units: unit, last report, days since, unfinished tasks led', async () => {
    const { rows } = await renderStaleUnitsTable(
      [
        { unit: units.get('a')!, lastReport: '2024-05-31', daysSince: 112, openTasks: 2 },
        { unit: units.get('evil')!, lastReport: undefined, daysSince: undefined, openTasks: 1 },
      ],
      '/ke-hoach/',
    );
    expect(rows).toBe(
      '<tr><td data-label="Đơn vị"><a href="/ke-hoach/units/a/">Sở Nội vụ</a></td>' +
        '<td data-label="Báo cáo gần nhất"><time datetime="2024-05-31">31/05/2024</time></td>' +
        '<td data-label="Số ngày chưa báo cáo" class="num">112</td>' +
        '<td data-label="Nhiệm vụ chủ trì chưa xong" class="num">2</td></tr>' +
        '<tr><td data-label="Đơn vị"><a href="/ke-hoach/units/evil/">Phòng &lt;script&gt;alert(1)&lt;/script&gt; &quot;q&quot; &#39;a&#39; &amp; &lt;/td&gt;&lt;/tr&gt;</a></td>' +
        '<td data-label="Báo cáo gần nhất">Chưa báo cáo lần nào</td>' +
        '<td data-label="Số ngày chưa báo cáo" class="num">—</td>' +
        '<td data-label="Nhiệm vụ chủ trì chưa xong" class="num">1</td></tr>',
    );
  });

  it("writes a unit's reports: date, the task linked by number and title, status, percent, note", async () => {
    const { rows } = await renderUnitReportTable([{ report: overdue!.reports[0]!, task: dueSoon!.task }], '/');
    expect(rows).toBe(
      '<tr><td data-label="Ngày báo cáo"><time datetime="2024-05-31">31/05/2024</time></td>' +
        '<td data-label="Nhiệm vụ"><a href="/plans/p/tasks/I.2/">I.2. Nhiệm vụ I.2</a></td>' +
        '<td data-label="Tình trạng">Đang thực hiện</td><td data-label="Tiến độ" class="num">40%</td>' +
        '<td data-label="Ghi chú"><div class="prose"><p>Đang làm</p></div></td></tr>',
    );
  });

  // The header cells and the phone layout's labels come from one list of columns: they name the same columns in the same order.
  it.each<[string, () => Promise<TableHtml>]>([
    ['task table', () => renderTaskTable(plan.tasks, options({ showNote: true }))],
    ['task table without timeline', () => renderTaskTable(plan.tasks, options({ showTimeline: false }))],
    ['overdue tasks', () => renderOverdueTable(plan.tasks, '2024-09-20', names)],
    [
      'coming deadlines',
      () =>
        renderDueSoonTable(
          [{ state: dueSoon!, milestone: dueSoon!.task.due.milestones[0]!, isFinal: true, daysLeft: 0 }],
          names,
        ),
    ],
    [
      'quiet units',
      () =>
        renderStaleUnitsTable(
          [{ unit: units.get('a')!, lastReport: undefined, daysSince: undefined, openTasks: 1 }],
          '/',
        ),
    ],
    ["a unit's reports", () => renderUnitReportTable([{ report: overdue!.reports[0]!, task: overdue!.task }], '/')],
    ['report history', () => renderReportHistoryTable(overdue!.task, overdue!.reports, names)],
  ])('%s: every cell is labelled with its column header, figures right-aligned in both', async (_name, render) => {
    const { head, rows } = await render();
    const headers = tagsOf(head)
      .filter((t) => t.name === 'th')
      .map((t) => `${t.attributes.class === 'num' ? '(num) ' : ''}${t.attributes.scope}`);
    const labels = [...head.matchAll(/>([^<]*)<\/th>/g)].map((m) => m[1]);
    const columns = headers.map((h, i) => `${h} ${labels[i]}`);
    const rowsOfCells: string[][] = [];
    for (const tag of tagsOf(rows)) {
      if (tag.name === 'tr') rowsOfCells.push([]);
      if (tag.name === 'td')
        rowsOfCells
          .at(-1)!
          .push(`${tag.attributes.class === 'num' ? '(num) ' : ''}col ${tag.attributes['data-label']}`);
    }
    expect(rowsOfCells.length).toBeGreaterThan(0);
    for (const cells of rowsOfCells) expect(cells).toEqual(columns);
  });
});
