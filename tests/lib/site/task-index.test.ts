import { describe, expect, it } from 'vitest';
import type { DerivedStatus } from '../../../src/lib/status/status';
import fc from 'fast-check';
import { dueTags, quarterLabel, quarterOf, searchIndexJson, searchWords } from '../../../src/lib/site/task-index';
import { emptyQuery, matchesTask, searchTerms, type TaskFacets } from '../../../src/lib/site/task-query';
import { foldVietnamese } from '../../../src/lib/text';
import { defaultTaskIndex } from '../../support/default-index';

describe('due tags', () => {
  it.each<[string, DerivedStatus, string[]]>([
    ['2024-06-30', 'overdue', ['overdue', '2024-Q2']],
    ['2024-11-29', 'in_progress', ['overdue', '2024-Q4']],
    ['2024-11-30', 'in_progress', ['soon', '2024-Q4']],
    ['2024-12-30', 'not_started', ['soon', '2024-Q4']],
    ['2024-12-31', 'in_progress', ['2024-Q4']],
    ['2025-01-15', 'in_progress', ['2025-Q1']],
    ['2024-12-10', 'done_on_time', ['2024-Q4']],
    ['2024-06-30', 'done_late', ['2024-Q2']],
  ])('a task due %s that is %s, judged at 30/11/2024: %j', (due, status, expected) => {
    expect(dueTags(due, status, '2024-11-30')).toEqual(expected);
  });

  it.each([
    ['2024-01-01', '2024-Q1', 'Quý I/2024'],
    ['2024-03-31', '2024-Q1', 'Quý I/2024'],
    ['2024-04-01', '2024-Q2', 'Quý II/2024'],
    ['2024-09-30', '2024-Q3', 'Quý III/2024'],
    ['2024-12-31', '2024-Q4', 'Quý IV/2024'],
  ])('%s is in %s (%s)', (date, quarter, label) => {
    expect(quarterOf(date)).toBe(quarter);
    expect(quarterLabel(quarter)).toBe(label);
  });
});

describe('the task index of the default data', () => {
  const { units, index, byId } = defaultTaskIndex();
  const facetsOf = (r: (typeof index.rows)[number]): TaskFacets => ({
    plan: r.state.task.planId,
    sections: r.sections,
    status: r.state.status,
    lead: r.state.task.leadUnits,
    support: r.state.task.supportUnits,
    supportAll: r.state.task.supportAll,
    leaders: r.state.task.directedBy,
    dueTags: r.dueTags,
    search: r.search,
  });
  const find = (q: string) =>
    index.rows
      .filter((r) => matchesTask(facetsOf(r), { ...emptyQuery(), q }, searchTerms(q)))
      .map((r) => r.state.task.id);

  it('has a row for each of the 12 tasks, in plan numbering order', () => {
    expect(index.rows.map((r) => r.state.task.id)).toEqual([
      'II.1.a',
      'II.1.b',
      'II.1.c',
      'II.1.d',
      'II.2.a',
      'II.2.b',
      'II.2.c',
      'II.2.d',
      'II.3.a',
      'II.3.b',
      'II.3.c',
      'II.3.d',
    ]);
  });

  it('keys each row by its section and the sections above it', () => {
    expect(byId('II.3.b').sections).toEqual(['2024-khac-phuc/II', '2024-khac-phuc/II.3']);
  });

  it('tags the overdue task and every deadline quarter', () => {
    expect(byId('II.3.b').dueTags).toEqual(['overdue', '2024-Q2']);
    expect(byId('II.3.a').dueTags).toEqual(['2024-Q2']);
    expect(byId('II.1.a').dueTags).toEqual(['2024-Q4']);
  });

  it('finds tasks by words without diacritics, in title, content, report notes and unit names', () => {
    expect(find('kiem soat thu tuc')).toEqual(find('Kiểm soát thủ tục'.normalize('NFD')));
    expect(find('kiem soat thu tuc')).toContain('II.1.d');
    expect(find('dang')).toContain('II.1.a'); // "của Đảng" in its content
    expect(find('thu thap ra soat')).toEqual(['II.3.b']); // only in a report note
    const withCentre = index.rows
      .filter((r) => r.state.task.leadUnits.includes('tt-pvhcc'))
      .map((r) => r.state.task.id);
    expect(find('TT PV-KSTTHC')).toEqual(withCentre); // the centre's short name
    expect(find('II.2.d')).toEqual(['II.2.d']);
    expect(find('xyzzy')).toEqual([]);
  });

  it('leaves out the unit names of "every unit" support, so a unit name does not match every task', () => {
    expect(byId('II.3.b').state.task.supportAll).toBe(true);
    const { state } = byId('II.3.b');
    const lead = state.task.leadUnits.flatMap((id) => [units.get(id)!.name, units.get(id)!.shortName ?? '']);
    const words = foldVietnamese(
      [state.task.id, state.task.title, state.task.content, ...state.reports.map((r) => r.note), ...lead].join(' '),
    ).split(' ');
    expect(new Set(byId('II.3.b').search.split(' '))).toEqual(new Set(words));
    expect(find('phong hanh chinh - quan tri')).toContain('II.3.b'); // its lead unit
  });

  it('keeps each word of the search text once, so the search file stays small', () => {
    for (const row of index.rows) expect(new Set(row.search.split(' ')).size).toBe(row.search.split(' ').length);
  });

  it('writes the search file as [plan, task id, search text] in the page order', () => {
    const entries = JSON.parse(searchIndexJson(index.rows)) as string[][];
    expect(entries.map(([plan, id]) => `${plan}/${id}`)).toEqual(
      index.rows.map((r) => `${r.state.task.planId}/${r.state.task.id}`),
    );
    expect(entries[9]![2]).toBe(byId('II.3.b').search);
  });

  it('offers the choices the rows use, in Vietnamese order', () => {
    const values = (key: keyof typeof index.options) =>
      index.options[key].flatMap((g) => g.options.map((o) => o.value));
    expect(values('plan')).toEqual(['2024-khac-phuc']);
    expect(values('section')).toEqual([
      '2024-khac-phuc/II',
      '2024-khac-phuc/II.1',
      '2024-khac-phuc/II.2',
      '2024-khac-phuc/II.3',
    ]);
    expect(values('status')).toEqual(['overdue', 'in_progress', 'not_started', 'done_late', 'done_on_time']);
    const leaderLabels = index.options.leader[0]!.options.map((o) => o.label);
    expect(leaderLabels).toEqual([
      'Chánh Văn phòng',
      'Lãnh đạo Văn phòng',
      'Phó Chánh Văn phòng - Trưởng Ban Tiếp công dân tỉnh',
    ]);
    expect(index.options.unit[0]!.options.map((o) => o.label)).toContain('Ban Tiếp công dân tỉnh');
    expect(values('due')).toEqual(['overdue', 'soon', '2024-Q2', '2024-Q4']);
  });
});

describe('the search words of a task', () => {
  /** The definition: fold the whole text, then keep each word once. */
  const reference = (texts: string[]) => [
    ...new Set(
      foldVietnamese(texts.join(' '))
        .split(' ')
        .filter((w) => w !== ''),
    ),
  ];

  it('are the words of the folded text, each once, in order, however spaces and marks fall', () => {
    const pieces = [
      'Đảng',
      'kiểm',
      'soát',
      'THỦ',
      'tục',
      'a\u0301',
      '\u0301',
      ' ',
      '\u00a0',
      '\u200b',
      '\ufeff',
      '\u3000',
      '  ',
      'ĐI',
      'đi',
      '2024',
      '-',
      'x\u0323y',
      'Ǆ',
      'ﬁ',
      '\u2000',
    ];
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((p) => p.join('')),
            fc.string({ unit: 'grapheme' }),
            fc.string({ unit: 'binary' }),
          ),
          { maxLength: 6 },
        ),
        (texts) => {
          expect(searchWords(texts)).toEqual(reference(texts));
        },
      ),
      { numRuns: 500, seed: 20261127 },
    );
  });
});
