import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TaskSchema } from '../../../src/lib/data/schema';
import { readTaskRow } from '../../../src/lib/data/task-row-reader';

const ROW = {
  id: 'II.1.a',
  section: 'II.1',
  title: 'Rà soát thủ tục hành chính',
  content: 'Đoạn một.\n\n- Ý một;\n- Ý hai.',
  directed_by: 'pho-chanh-vp',
  lead_units: 'skhdt',
  support_units: 'dai-ptth;bao-qn',
  timeline: 'Quý I, II năm 2024',
  due: '2024-Q1;2024-Q2',
};

describe("task rows read without zod give the schema's own result", () => {
  it.each<[string, Record<string, unknown>]>([
    ['a typical row', ROW],
    ['every unit supports (*)', { ...ROW, support_units: '*' }],
    ['missing optional columns', { id: 'a', section: 'I', title: 'Việc', due: 'ongoing' }],
    [
      'untidy lists, spaces and line ends',
      {
        ...ROW,
        id: ' II.1.a ',
        directed_by: ' a ; ;b; ',
        lead_units: ';x;',
        support_units: ' ',
        content: ' Một.\r\n\r\nHai.\u00a0',
        title: 'Tên\u2009việc\n',
      },
    ],
    [
      'decomposed Vietnamese (NFD)',
      { ...ROW, title: 'Kiểm soát thủ tục'.normalize('NFD'), content: 'Đảng ủy'.normalize('NFD') },
    ],
    ['null cells (JSON)', { ...ROW, content: null, timeline: null, support_units: null }],
    ['an id of 64 characters', { ...ROW, id: 'a'.repeat(64) }],
  ])('%s', (_, cells) => {
    expect(readTaskRow(cells)).toStrictEqual(TaskSchema.parse(cells));
  });

  it.each<[string, Record<string, unknown>]>([
    ['an empty id', { ...ROW, id: ' ' }],
    ['an id that is not numbering', { ...ROW, id: 'II/1' }],
    ['an id of 65 characters', { ...ROW, id: 'a'.repeat(65) }],
    ['an empty section', { ...ROW, section: '' }],
    ['an empty title', { ...ROW, title: '\u00a0' }],
    ['an empty due', { ...ROW, due: undefined }],
    ['a number where text is expected (JSON)', { ...ROW, timeline: 2024 }],
    ['an array of ids (JSON)', { ...ROW, lead_units: ['skhdt', 'syt'] }],
    ['content over its cap', { ...ROW, content: 'a'.repeat(20_001) }],
    ['content nested too deep (markdown-limits.ts)', { ...ROW, content: '> '.repeat(11) + 'a' }],
  ])('leaves %s to the schema', (_, cells) => {
    expect(readTaskRow(cells)).toBeUndefined();
  });

  it('for any cells, either defers to the schema or agrees with it', () => {
    const cell = fc.oneof(
      fc.constantFrom(
        '',
        ' ',
        ';',
        ' ; ',
        'a;b',
        ' a ; b ;',
        '*',
        'II.1.a',
        'II..1',
        'ệ',
        'e\u0301',
        'x\u00a0y',
        'a\r\nb',
        '2024-Q1',
        'ongoing',
        null,
      ),
      fc.string({ maxLength: 8 }),
      fc.constant(undefined),
      fc.integer(),
      fc.array(fc.constantFrom('a', ' b ', 1), { maxLength: 3 }),
    );
    // Each cell either kept from a valid row or replaced, so that both paths are taken often.
    const keys = Object.keys(ROW) as (keyof typeof ROW)[];
    const row = fc.record(
      Object.fromEntries(
        keys.map((k) => [k, fc.oneof({ weight: 3, arbitrary: fc.constant(ROW[k]) }, { weight: 1, arbitrary: cell })]),
      ),
    );
    let fastRows = 0;
    fc.assert(
      fc.property(row, (cells) => {
        const fast = readTaskRow(cells);
        if (fast === undefined) return;
        fastRows++;
        expect(fast).toStrictEqual(TaskSchema.parse(cells));
      }),
      { numRuns: 2000 },
    );
    expect(fastRows).toBeGreaterThan(300);
  });
});
