import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FILTER_KEYS,
  SORT_KEYS,
  emptyQuery,
  isFiltered,
  keepKnownFilters,
  matchesTask,
  narrowsSearch,
  parseTaskQuery,
  searchTerms,
  writeTaskQuery,
  type FilterKey,
  type TaskFacets,
  type TaskQuery,
} from '../../../src/lib/site/task-query';
import { foldVietnamese } from '../../../src/lib/text';

const query = (
  patch: Partial<TaskQuery['filters']> = {},
  rest: Partial<Omit<TaskQuery, 'filters'>> = {},
): TaskQuery => ({
  ...emptyQuery(),
  ...rest,
  filters: { ...emptyQuery().filters, ...patch },
});

describe('search folding (the same foldVietnamese on rows at build time and on the query in the browser)', () => {
  it.each([
    ['kiem soat thu tuc', 'Nâng cao hiệu lực kiểm soát thủ tục hành chính'],
    ['dang', 'chủ trương của Đảng'],
    ['DANG', 'chủ trương của Đảng'],
    ['Đảng', 'đang thực hiện'],
    ['kiểm soát'.normalize('NFD'), 'kiểm soát'.normalize('NFC')],
    ['kiểm soát'.normalize('NFC'), 'kiểm soát'.normalize('NFD')],
    ['  tthc   mot cua ', 'Bộ phận Một cửa, kiểm soát TTHC'],
    ['II.3.b', 'II.3.b Hướng dẫn chức năng'],
    ['hoc tap lam theo', 'Học tập và làm theo tư tưởng'],
  ])('the query %j finds %j', (q, text) => {
    const row = { ...facets(), search: foldVietnamese(text) };
    expect(matchesTask(row, query({}, { q }), searchTerms(q))).toBe(true);
  });

  it.each([
    ['kiem tra', 'kiểm soát thủ tục'],
    ['dang ky', 'Đảng'],
  ])('the query %j does not find %j', (q, text) => {
    const row = { ...facets(), search: foldVietnamese(text) };
    expect(matchesTask(row, query({}, { q }), searchTerms(q))).toBe(false);
  });

  it('splits the folded query into words', () => {
    expect(searchTerms('  Kiểm   SOÁT\u00a0thủ tục ')).toEqual(['kiem', 'soat', 'thu', 'tuc']);
    expect(searchTerms('   ')).toEqual([]);
  });

  it('folds NFD and NFC input alike, and folding twice changes nothing', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom(...'aăâdđeêioôơuưyAĂÂDĐEÊOÔƠUƯ \u0300\u0301\u0303\u0309\u0323kiểmsoátĐảng'.split('')),
        }),
        (s) => {
          expect(foldVietnamese(s.normalize('NFD'))).toBe(foldVietnamese(s.normalize('NFC')));
          expect(foldVietnamese(foldVietnamese(s))).toBe(foldVietnamese(s));
          expect(searchTerms(s).join(' ')).toBe(foldVietnamese(s));
        },
      ),
    );
  });
});

describe('typing on narrows the search', () => {
  it.each<[string, string, boolean]>([
    ['', 'c', true],
    ['c', 'ch', true],
    ['chuyen', 'chuyen d', true],
    ['chuyen d', 'chuyen do', true],
    ['doi chuyen', 'chuyen doi so', true],
    ['ch', 'c', false],
    ['chuyen d', 'chuyen', false],
    ['chuyen', 'huyen', false],
    ['c', '', false],
  ])('from %j to %j: %s', (before, after, narrows) => {
    expect(narrowsSearch(searchTerms(before), searchTerms(after))).toBe(narrows);
  });

  it('never leaves out a row that matches the narrower search', () => {
    const word = fc.string({ unit: fc.constantFrom(...'abcdđ'.split('')), minLength: 1, maxLength: 3 });
    fc.assert(
      fc.property(
        fc.array(word, { maxLength: 3 }),
        fc.array(word, { maxLength: 3 }),
        fc.array(word, { maxLength: 8 }),
        (before, after, text) => {
          const row = { ...facets(), search: text.join(' ') };
          if (narrowsSearch(before, after) && matchesTask(row, query(), after))
            expect(matchesTask(row, query(), before)).toBe(true);
        },
      ),
    );
  });
});

describe('reading and writing the URL query', () => {
  it.each<[string, TaskQuery]>([
    ['', emptyQuery()],
    [
      '?status=overdue&unit=hcqt&q=kiem+soat&sort=due&dir=asc',
      query({ status: 'overdue', unit: 'hcqt' }, { q: 'kiem soat', sort: 'due', dir: 'asc' }),
    ],
    [
      '?plan=2024-khac-phuc&section=2024-khac-phuc%2FII.1&support=kt&leader=chanh-vp&due=2024-Q4',
      query({
        plan: '2024-khac-phuc',
        section: '2024-khac-phuc/II.1',
        support: 'kt',
        leader: 'chanh-vp',
        due: '2024-Q4',
      }),
    ],
    ['?q=ki%E1%BB%83m+so%C3%A1t', query({}, { q: 'kiểm soát' })],
    ['?sort=percent&dir=desc', query({}, { sort: 'percent', dir: 'desc' })],
  ])('reads %j and writes it back the same', (search, expected) => {
    expect(parseTaskQuery(search)).toEqual(expected);
    expect(writeTaskQuery(expected)).toBe(search);
  });

  it.each<[string, TaskQuery]>([
    ['status=overdue', query({ status: 'overdue' })],
    ['?sort=bogus&dir=desc', emptyQuery()],
    ['?sort=due&dir=sideways', query({}, { sort: 'due', dir: 'asc' })],
    ['?sort=due', query({}, { sort: 'due', dir: 'asc' })],
    ['?dir=desc', emptyQuery()],
    ['?utm_source=mail&status=done_late', query({ status: 'done_late' })],
    ['?unit=+hcqt+', query({ unit: 'hcqt' })],
    ['?status=overdue&status=done_late', query({ status: 'overdue' })],
  ])('reads %j leniently', (search, expected) => {
    expect(parseTaskQuery(search)).toEqual(expected);
  });

  it('writes filters in a fixed order and leaves out a blank search', () => {
    const q = query({ due: 'soon', plan: 'p' }, { q: '   ' });
    expect(writeTaskQuery(q)).toBe('?plan=p&due=soon');
  });

  it('reads back whatever it writes', () => {
    const value = fc.oneof(
      fc.constant(''),
      fc.string({ minLength: 1 }).filter((s) => s.trim() === s && s !== ''),
    );
    const filters = fc.record(
      Object.fromEntries(FILTER_KEYS.map((k) => [k, value])) as Record<FilterKey, typeof value>,
    );
    const sorted = fc.oneof(
      fc.constant({ sort: '' as const, dir: 'asc' as const }),
      fc.record({ sort: fc.constantFrom(...SORT_KEYS), dir: fc.constantFrom('asc' as const, 'desc' as const) }),
    );
    fc.assert(
      fc.property(filters, value, sorted, (f, q, s) => {
        const original: TaskQuery = { filters: f, q, ...s };
        expect(parseTaskQuery(writeTaskQuery(original))).toEqual(original);
      }),
    );
  });

  it('drops filter values the form does not offer, keeping the rest', () => {
    const allowed = Object.fromEntries(FILTER_KEYS.map((k) => [k, new Set(['', 'hcqt', 'overdue'])])) as Record<
      FilterKey,
      Set<string>
    >;
    const q = query({ unit: 'hcqt', status: 'finished', leader: 'nobody' }, { q: 'abc', sort: 'due' });
    expect(keepKnownFilters(q, allowed)).toEqual(query({ unit: 'hcqt' }, { q: 'abc', sort: 'due' }));
  });

  it('counts a filter or a search as filtering, a sort alone not', () => {
    expect(isFiltered(emptyQuery())).toBe(false);
    expect(isFiltered(query({}, { sort: 'due', dir: 'desc' }))).toBe(false);
    expect(isFiltered(query({}, { q: '  ' }))).toBe(false);
    expect(isFiltered(query({}, { q: 'a' }))).toBe(true);
    expect(isFiltered(query({ due: 'soon' }))).toBe(true);
  });
});

function facets(): TaskFacets {
  return {
    plan: '2024-khac-phuc',
    sections: ['2024-khac-phuc/II', '2024-khac-phuc/II.3'],
    status: 'overdue',
    lead: ['hcqt'],
    support: ['kt', 'th'],
    supportAll: false,
    leaders: ['lanh-dao-vp'],
    dueTags: ['overdue', '2024-Q2'],
    search: foldVietnamese('II.3.b Hướng dẫn chức năng Phòng Hành chính - Quản trị'),
  };
}

describe('matching a row against the filters', () => {
  it.each<[string, Partial<TaskQuery['filters']>, string, boolean]>([
    ['no filter', {}, '', true],
    ['its plan', { plan: '2024-khac-phuc' }, '', true],
    ['another plan', { plan: '2025-ke-hoach' }, '', false],
    ['its own section', { section: '2024-khac-phuc/II.3' }, '', true],
    ['a section above it', { section: '2024-khac-phuc/II' }, '', true],
    ['a sibling section', { section: '2024-khac-phuc/II.1' }, '', false],
    ['the same section id in another plan', { section: '2025-ke-hoach/II.3' }, '', false],
    ['its status', { status: 'overdue' }, '', true],
    ['another status', { status: 'in_progress' }, '', false],
    ['its lead unit', { unit: 'hcqt' }, '', true],
    ['a supporting unit as lead', { unit: 'kt' }, '', false],
    ['a supporting unit', { support: 'kt' }, '', true],
    ['the lead unit as support', { support: 'hcqt' }, '', false],
    ['its leader', { leader: 'lanh-dao-vp' }, '', true],
    ['another leader', { leader: 'chanh-vp' }, '', false],
    ['overdue', { due: 'overdue' }, '', true],
    ['due soon', { due: 'soon' }, '', false],
    ['its quarter', { due: '2024-Q2' }, '', true],
    ['another quarter', { due: '2024-Q4' }, '', false],
    [
      'every filter at once',
      {
        plan: '2024-khac-phuc',
        section: '2024-khac-phuc/II',
        status: 'overdue',
        unit: 'hcqt',
        support: 'th',
        leader: 'lanh-dao-vp',
        due: '2024-Q2',
      },
      'huong dan',
      true,
    ],
    ['all filters but one search word missing', { status: 'overdue' }, 'huong dan ngan sach', false],
    ['a unit name in the search', {}, 'hanh chinh quan tri', true],
  ])('%s', (_name, filters, q, expected) => {
    expect(matchesTask(facets(), query(filters, { q }), searchTerms(q))).toBe(expected);
  });

  it.each<[string, string, boolean]>([
    ['any other unit', 'tt-cbth', true],
    ['a unit the list would have named', 'kt', true],
    ['the lead unit', 'hcqt', false],
  ])('support "*" (every unit but the lead units): %s', (_name, support, expected) => {
    const row = { ...facets(), support: [], supportAll: true };
    expect(matchesTask(row, query({ support }), [])).toBe(expected);
  });
});
