import { describe, expect, it } from 'vitest';
import type { Leader, Unit } from '../../../src/lib/data/model';
import { renderNameList, renderStatusBadge, type NameBook } from '../../../src/lib/site/cells';

const units = new Map<string, Unit>([['a', { id: 'a', name: 'Sở Nội vụ', shortName: 'SNV' }]]);
const leaders = new Map<string, Leader>([['cvp', { id: 'cvp', title: 'Chánh Văn phòng' }]]);
const live: NameBook = { units, leaders, archived: false };
const archived: NameBook = { units, leaders, archived: true };

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
