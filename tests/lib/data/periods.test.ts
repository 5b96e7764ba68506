import { describe, expect, it } from 'vitest';
import {
  cutoffOf,
  hasEnded,
  latestEnded,
  makePeriod,
  nextPeriod,
  parsePeriod,
  periodHolding,
  periodLabel,
  periodName,
  periodsOfYear,
  previousPeriod,
  reportYears,
  windowAhead,
} from '../../../src/lib/data/periods';

describe('period ids', () => {
  it.each([
    ['2024-01', 'month', 1, '2024-01-01', '2024-01-31'],
    ['2024-02', 'month', 2, '2024-02-01', '2024-02-29'],
    ['2023-02', 'month', 2, '2023-02-01', '2023-02-28'],
    ['2024-12', 'month', 12, '2024-12-01', '2024-12-31'],
    ['2024-q1', 'quarter', 1, '2024-01-01', '2024-03-31'],
    ['2024-q3', 'quarter', 3, '2024-07-01', '2024-09-30'],
    ['2024-q4', 'quarter', 4, '2024-10-01', '2024-12-31'],
    ['2024-h1', 'half', 1, '2024-01-01', '2024-06-30'],
    ['2024-h2', 'half', 2, '2024-07-01', '2024-12-31'],
    ['2024', 'year', 1, '2024-01-01', '2024-12-31'],
  ])('%s is the %s number %i, from %s to %s', (id, kind, index, start, end) => {
    expect(parsePeriod(id)).toEqual({ id, kind, year: Number(id.slice(0, 4)), index, start, end });
  });

  it.each([
    '2024-13',
    '2024-00',
    '2024-1',
    '2024-q5',
    '2024-Q3',
    '2024-h3',
    '24',
    '2024-',
    'q3',
    '2024-q3.json',
    '0999',
  ])('refuses %s', (id) => {
    expect(parsePeriod(id)).toBeUndefined();
  });

  it('makes the id back from kind, year and index', () => {
    expect(['month', 'quarter', 'half', 'year'].map((k) => makePeriod(k as 'month', 2024, 1).id)).toEqual([
      '2024-01',
      '2024-q1',
      '2024-h1',
      '2024',
    ]);
  });
});

describe('the periods of a year up to the as-of date', () => {
  it('lists those begun by 30/11/2024: the year, halves, quarters, months, newest first', () => {
    expect(periodsOfYear(2024, '2024-11-30').map((p) => p.id)).toEqual([
      '2024',
      '2024-h2',
      '2024-h1',
      '2024-q4',
      '2024-q3',
      '2024-q2',
      '2024-q1',
      '2024-11',
      '2024-10',
      '2024-09',
      '2024-08',
      '2024-07',
      '2024-06',
      '2024-05',
      '2024-04',
      '2024-03',
      '2024-02',
      '2024-01',
    ]);
  });

  it.each([
    ['2024-01-01', ['2024', '2024-h1', '2024-q1', '2024-01']],
    ['2023-12-31', []],
  ])('as of %s lists %j for 2024', (asOf, ids) => {
    expect(periodsOfYear(2024, asOf).map((p) => p.id)).toEqual(ids);
  });

  it('lists all 19 periods of a year that has ended, none of a year to come', () => {
    expect(periodsOfYear(2024, '2025-03-05')).toHaveLength(19);
    expect(periodsOfYear(2025, '2024-12-31')).toEqual([]);
  });
});

describe('cut-offs and names', () => {
  const q3 = parsePeriod('2024-q3')!;
  const q4 = parsePeriod('2024-q4')!;

  it('judges an ended period at its last day and a running one at the as-of date', () => {
    expect([cutoffOf(q3, '2024-11-30'), hasEnded(q3, '2024-11-30')]).toEqual(['2024-09-30', true]);
    expect([cutoffOf(q4, '2024-11-30'), hasEnded(q4, '2024-11-30')]).toEqual(['2024-11-30', false]);
    expect([cutoffOf(q4, '2024-12-31'), hasEnded(q4, '2024-12-31')]).toEqual(['2024-12-31', true]);
  });

  it.each([
    ['2024-03', 'Tháng 3 năm 2024'],
    ['2024-q1', 'Quý I năm 2024'],
    ['2024-q2', 'Quý II năm 2024'],
    ['2024-q3', 'Quý III năm 2024'],
    ['2024-q4', 'Quý IV năm 2024'],
    ['2024-h1', '6 tháng đầu năm 2024'],
    ['2024-h2', '6 tháng cuối năm 2024'],
    ['2024', 'Năm 2024'],
  ])('names %s "%s"', (id, name) => {
    expect(periodName(parsePeriod(id)!)).toBe(name);
  });

  it('adds "đến ngày …" to a period that has not ended', () => {
    expect(periodLabel(q4, '2024-11-30')).toBe('Quý IV năm 2024 (đến ngày 30/11/2024)');
    expect(periodLabel(q3, '2024-11-30')).toBe('Quý III năm 2024');
  });

  it.each([
    ['2024-01', '2023-12', '2024-02'],
    ['2024-q1', '2023-q4', '2024-q2'],
    ['2024-q4', '2024-q3', '2025-q1'],
    ['2024-h1', '2023-h2', '2024-h2'],
    ['2024', '2023', '2025'],
  ])('before %s comes %s, after it %s', (id, before, after) => {
    expect(previousPeriod(parsePeriod(id)!).id).toBe(before);
    expect(nextPeriod(parsePeriod(id)!).id).toBe(after);
  });

  it('finds the period of a kind holding a date, and the latest ended one', () => {
    expect(['month', 'quarter', 'half', 'year'].map((k) => periodHolding(k as 'month', '2024-08-15').id)).toEqual([
      '2024-08',
      '2024-q3',
      '2024-h2',
      '2024',
    ]);
    expect(latestEnded('quarter', 2024, '2024-11-30')?.id).toBe('2024-q3');
    expect(latestEnded('month', 2024, '2024-11-30')?.id).toBe('2024-11');
    expect(latestEnded('half', 2024, '2024-05-31')).toBeUndefined();
  });

  it('looks ahead from the day after the cut-off to the end of the next period of the same kind', () => {
    expect(windowAhead(q3, '2024-11-30')).toEqual({ from: '2024-10-01', to: '2024-12-31' });
    expect(windowAhead(q4, '2024-11-30')).toEqual({ from: '2024-12-01', to: '2025-03-31' });
  });
});

describe('the years reported on', () => {
  it('shows each live plan in one year: the as-of year, kept within the plan’s years; newest first', () => {
    const plans = [
      { id: 'a', year: 2024 },
      { id: 'b', year: 2021, endYear: 2025 },
      { id: 'c', year: 2025, endYear: 2030 },
      { id: 'd', year: 2023 },
    ];
    expect(reportYears(plans, '2024-11-30').map((y) => [y.year, y.planIds, y.periods.length])).toEqual([
      [2024, ['a', 'b'], 18],
      [2023, ['d'], 19],
    ]);
    expect(reportYears(plans, '2025-01-15').map((y) => [y.year, y.planIds, y.periods.length])).toEqual([
      [2025, ['b', 'c'], 4],
      [2024, ['a'], 19],
      [2023, ['d'], 19],
    ]);
  });
});
