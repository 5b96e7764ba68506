import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/lib/data/csv';
import { PROGRESS_FIELDS, readProgressFields, readProgressRow } from '../../../src/lib/data/progress-row-reader';
import { fieldPositions } from '../../../src/lib/data/row-cells';
import { ProgressSchema, TaskSchema } from '../../../src/lib/data/schema';
import { readTaskFields, readTaskRow, TASK_FIELDS } from '../../../src/lib/data/task-row-reader';
import { PLAIN_TEXT } from '../../../src/lib/text';

const quoted = (v: string) => `"${v.replace(/"/g, '""')}"`;
const ODD = ['', ' ', 'e\u0301', 'x\u00a0 y', 'a\r\nb', '"', ';', 'II/1', '2024-02-30', '101'];

/**
 * CSV text whose header has the given columns in any order, maybe less some of them, a stray column or one twice;
 * each cell is usually a good value for its column, else an odd one, and a row may stop short.
 */
function csvTable(good: Record<string, readonly string[]>) {
  const names = Object.keys(good);
  const header = fc
    .tuple(
      fc.shuffledSubarray([...names, 'ghi_chu_khac'], { minLength: names.length - 2 }),
      fc.option(fc.constantFrom(...names), { nil: undefined }),
    )
    .map(([cols, repeated]) => (repeated ? [...cols, repeated] : cols));
  return header.chain((columns) => {
    const cell = (name: string) =>
      fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom(...(good[name] ?? ['x'])) },
        { weight: 1, arbitrary: fc.constantFrom(...ODD) },
        { weight: 1, arbitrary: fc.string({ maxLength: 4 }) },
      );
    const row = fc
      .tuple(...columns.map(cell))
      .chain((cells) =>
        fc.integer({ min: 1, max: cells.length }).map((n) => (n < cells.length - 1 ? cells.slice(0, n) : cells)),
      );
    return fc
      .array(row, { minLength: 1, maxLength: 5 })
      .map((rows) => [columns, ...rows].map((r) => r.map(quoted).join(',')).join('\n'));
  });
}

describe('rows read from their CSV fields give what reading their cells gives', () => {
  it('progress rows', () => {
    const good = {
      task_id: ['II.1.a', ' a '],
      as_of: ['2024-05-31', '31/5/2024'],
      status: ['done', 'in_progress', 'Đang thực hiện', 'chua thuc hien'],
      percent: ['', '40', '100%'],
      completed_on: ['', '2024-05-30'],
      note: ['', 'Ghi chú.\n\n- một', 'Đã xong '],
      reported_by: ['', 'vp'],
    };
    let read = 0;
    let plain = 0;
    fc.assert(
      fc.property(csvTable(good), (text) => {
        const { table } = parseCsv('p.csv', text, PLAIN_TEXT.test(text));
        if (table.plainText) plain++;
        const at = fieldPositions(table.columns, PROGRESS_FIELDS);
        for (const row of table.rows) {
          const fast = readProgressFields(row.fields!, at, table.plainText);
          expect(fast).toStrictEqual(readProgressRow(row.cells));
          if (!fast) continue;
          read++;
          // toEqual: ProgressSchema leaves out an optional key whose column is missing; the fast path sets it to undefined.
          expect(fast).toEqual(ProgressSchema.parse(row.cells));
        }
      }),
      { numRuns: 1000 },
    );
    expect(read).toBeGreaterThan(50);
    expect(plain).toBeGreaterThan(100);
  });

  it('task rows', () => {
    const good = {
      id: ['II.1.a', 'I'],
      section: ['II.1'],
      title: ['Tên việc', ' Rà soát '],
      content: ['', 'Nội dung\n\n- ý'],
      directed_by: ['', 'a;b', 'vp'],
      lead_units: ['vp', ' ; x'],
      support_units: ['', '*', 'a; b'],
      timeline: ['', 'Quý II'],
      due: ['2024-Q2', 'ongoing'],
    };
    let read = 0;
    let plain = 0;
    fc.assert(
      fc.property(csvTable(good), (text) => {
        const { table } = parseCsv('t.csv', text, PLAIN_TEXT.test(text));
        if (table.plainText) plain++;
        const at = fieldPositions(table.columns, TASK_FIELDS);
        for (const row of table.rows) {
          const fast = readTaskFields(row.fields!, at, table.plainText);
          expect(fast).toStrictEqual(readTaskRow(row.cells));
          if (!fast) continue;
          read++;
          expect(fast).toStrictEqual(TaskSchema.parse(row.cells));
        }
      }),
      { numRuns: 1000 },
    );
    expect(read).toBeGreaterThan(50);
    expect(plain).toBeGreaterThan(100);
  });

  it('a repeated column is read from its last copy, as in the cells', () => {
    const { table } = parseCsv('p.csv', 'task_id,as_of,status,as_of\na,2024-01-01,done,2024-02-01\n');
    expect(readProgressFields(table.rows[0]!.fields!, fieldPositions(table.columns, PROGRESS_FIELDS))?.as_of).toBe(
      '2024-02-01',
    );
  });
});
