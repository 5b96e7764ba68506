import { describe, expect, it } from 'vitest';
import type { Leader, Unit } from '../../../src/lib/data/model';
import {
  renderNameList,
  renderReportRows,
  renderStatusBadge,
  renderTaskRows,
  type NameBook,
  type TaskRowOptions,
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
const options = (more: Partial<TaskRowOptions> = {}): TaskRowOptions => ({
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

describe('renderTaskRows', () => {
  const plan = judge(
    [
      task('I.1', '2024-06-30', ['a'], { directedBy: ['cvp'], timeline: 'Quý II' }),
      task('I.2', '2024-12-31', ['a', 'nobody'], { directedBy: ['cvp', 'evil'] }),
    ],
    [report('I.1', '2024-06-20', 'done', { percent: 100, completedOn: '2024-06-18', note: 'Đã xong' })],
    '2024-07-01',
  );

  it('writes a row as TaskTable.astro did: linked id and title, badge, percent, <time>, leaders, lead units by short name', async () => {
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

describe('renderReportRows', () => {
  it('writes the report history as the task page did: date, status with completion date, percent, note, unit', async () => {
    const rows = await renderReportRows(
      [
        report('I.1', '2024-06-20', 'done', {
          percent: 100,
          completedOn: '2024-06-18',
          note: 'Đã xong',
          reportedBy: 'a',
        }),
        report('I.1', '2024-05-20', 'in_progress'),
      ],
      { base: '/', names: live },
    );
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
    const rows = await renderReportRows(
      [report('I.1', '2024-06-20', 'in_progress', { note: `${HOSTILE} [x](javascript:alert(5))`, reportedBy: 'evil' })],
      { base: '/', names: live },
    );
    expectInert(rows);
    expect(rows).not.toContain('javascript:');
  });
});

describe('renderNameList and renderStatusBadge', () => {
  it('joins names with a comma, full names for units unless short, the id for an unknown one', () => {
    expect(renderNameList(['a', 'nobody'], 'unit', { base: '/', names: live }).value).toBe(
      '<a href="/units/a/">Sở Nội vụ</a>, <a href="/units/nobody/">nobody</a>',
    );
    expect(renderNameList(['nobody'], 'unit', { base: '/', names: live, short: true }).value).toBe(
      '<a href="/units/nobody/">nobody</a>',
    );
    expect(renderNameList(['cvp', 'x'], 'leader', { base: '/', names: archived, short: true }).value).toBe(
      '<span>Chánh Văn phòng</span>, <span>x</span>',
    );
    expect(renderNameList([], 'leader', { base: '/', names: live }).value).toBe('');
  });

  it('escapes ids in links', () => {
    expect(renderNameList(['a b&"c'], 'unit', { base: '/', names: live }).value).toBe(
      '<a href="/units/a%20b%26%22c/">a b&amp;&quot;c</a>',
    );
  });

  it('writes a badge with its status for the stylesheet', () => {
    expect(renderStatusBadge('overdue').value).toBe(
      '<span class="badge" data-status="overdue">Quá hạn, chưa hoàn thành</span>',
    );
  });
});
