import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readProgressRow } from '../../../src/lib/data/progress-row-reader';
import { parsePercent, ProgressSchema } from '../../../src/lib/data/schema';

const ROW = {
  task_id: 'II.1.a',
  as_of: '2024-05-31',
  status: 'in_progress',
  percent: '40',
  completed_on: '',
  note: 'Đã xong.',
  reported_by: 'vp',
};

describe("progress rows read without zod give the schema's own result", () => {
  it.each<[string, Record<string, unknown>]>([
    ['a typical row', ROW],
    [
      'a Vietnamese status, a date DD/MM/YYYY and a percent sign',
      { ...ROW, status: 'Đã hoàn thành', as_of: '31/5/2024', percent: '100%', completed_on: '30/05/2024' },
    ],
    ['missing optional columns', { task_id: 'a', as_of: '2024-01-01', status: 'done' }],
    [
      'untidy spaces and a note of two paragraphs',
      { ...ROW, task_id: ' II.1.a ', note: ' Một.\r\n\r\nHai. ', reported_by: '' },
    ],
  ])('%s', (_, cells) => {
    expect(readProgressRow(cells)).toEqual(ProgressSchema.parse(cells));
  });

  it.each<[string, Record<string, unknown>]>([
    ['an empty task id', { ...ROW, task_id: ' ' }],
    ['an impossible date', { ...ROW, as_of: '2024-02-30' }],
    ['an unknown status', { ...ROW, status: 'xong' }],
    ['a percent over 100', { ...ROW, percent: '101' }],
    ['a bad completion date', { ...ROW, completed_on: 'hôm qua' }],
    ['a number where text is expected (JSON)', { ...ROW, percent: 40 }],
    ['a note over its cap', { ...ROW, note: 'a'.repeat(5_001) }],
    ['a note with a "[" left open (markdown-limits.ts)', { ...ROW, note: `[${'a '.repeat(600)}` }],
  ])('leaves %s to the schema', (_, cells) => {
    expect(readProgressRow(cells)).toBeUndefined();
  });

  it('for any cells, either defers to the schema or agrees with it', () => {
    const cell = fc.oneof(
      fc.constantFrom(
        '',
        ' ',
        '2024-05-31',
        '31/05/2024',
        '2024-13-01',
        'done',
        'Đang thực hiện',
        'x',
        '0',
        '100',
        '55%',
        '1.5',
        '-1',
      ),
      fc.string({ maxLength: 6 }),
      fc.constant(undefined),
    );
    const row = fc.record({
      task_id: cell,
      as_of: cell,
      status: cell,
      percent: cell,
      completed_on: cell,
      note: cell,
      reported_by: cell,
    });
    fc.assert(
      fc.property(row, (cells) => {
        const fast = readProgressRow(cells);
        if (fast !== undefined) expect(fast).toEqual(ProgressSchema.parse(cells));
      }),
      { numRuns: 500 },
    );
  });
});

describe('parsePercent', () => {
  // The reference: parsePercent before it learned to read one to three digits directly.
  const reference = (v: string) => {
    if (v === '') return undefined;
    const n = Number(v.replace(/%$/, '').trim());
    return /^\d+(\.0+)?%?$/.test(v) && Number.isInteger(n) && n >= 0 && n <= 100 ? n : null;
  };

  it.each([
    '',
    '0',
    '00',
    '007',
    '40',
    '100',
    '101',
    '999',
    '1000',
    '100%',
    '40.0',
    '4.5',
    '-1',
    ' 4',
    '4 ',
    'x',
    '٣',
    '1e2',
    '0x1',
  ])('reads %j as before', (v) => {
    expect(parsePercent(v)).toBe(reference(v));
  });

  it('reads any short text as before', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9%. x-]{0,5}$/), (v) => parsePercent(v) === reference(v)),
      { numRuns: 3000 },
    );
  });
});
