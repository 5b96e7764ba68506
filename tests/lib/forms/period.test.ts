import { describe, expect, it } from 'vitest';
import {
  defaultReturnBy,
  parsePeriod,
  parsePeriodLabel,
  periodCutoff,
  periodLabel,
} from '../../../src/lib/forms/period';
import { periodReturns } from '../../../src/lib/forms/returns';
import { loadDataset } from '../../../src/lib/data/load';
import { judgePlans } from '../../../src/lib/status/archive-model';
import { memorySource, readFolder } from '../../support/memory-source';

describe('reporting periods', () => {
  it.each([
    ['2024-12', { year: 2024, month: 12 }],
    [' 2025-01 ', { year: 2025, month: 1 }],
    ['2024-13', undefined],
    ['2024-1', undefined],
    ['12/2024', undefined],
    ['2024-00', undefined],
  ])('--period %j', (text, period) => {
    expect(parsePeriod(text)).toEqual(period);
  });

  it.each([
    ['Tháng 12/2024', { year: 2024, month: 12 }],
    ['tháng 2 / 2025', { year: 2025, month: 2 }],
    ['THÁNG 3/2025'.normalize('NFD'), { year: 2025, month: 3 }],
    ['12/2024', { year: 2024, month: 12 }],
    ['Quý IV/2024', undefined],
    ['13/2024', undefined],
  ])('the heading %j', (text, period) => {
    expect(parsePeriodLabel(text)).toEqual(period);
  });

  it.each([
    [{ year: 2024, month: 2 }, '2024-02-29', '2024-03-05'],
    [{ year: 2023, month: 2 }, '2023-02-28', '2023-03-05'],
    [{ year: 2024, month: 12 }, '2024-12-31', '2025-01-05'],
  ])('%j is cut off at %s and due back %s', (period, cutoff, returnBy) => {
    expect(periodCutoff(period)).toBe(cutoff);
    expect(defaultReturnBy(period)).toBe(returnBy);
    expect(periodLabel(period)).toBe(`tháng ${period.month}/${period.year}`);
  });
});

describe('which forms of the current period have come back', () => {
  it('from the default data at 30/11/2024: each unit leading unfinished work, with its reports of November', () => {
    const { dataset } = loadDataset(memorySource(readFolder('data')), { root: 'data', buildDate: '2024-11-30' });
    const tasks = judgePlans(dataset!.plans, '2024-11-30').flatMap((p) => p.tasks);
    const returns = periodReturns(tasks, dataset!.units, '2024-11-30');
    expect(returns.period).toEqual({ year: 2024, month: 11 });
    expect(returns.units.map((r) => [r.unit.id, r.owed, r.reported, r.lastReport ?? null])).toMatchInlineSnapshot(`
      [
        [
          "ban-tcd",
          4,
          0,
          null,
        ],
        [
          "hcqt",
          7,
          3,
          "2024-11-29",
        ],
        [
          "kgvx",
          3,
          0,
          null,
        ],
        [
          "kt",
          3,
          1,
          "2024-11-26",
        ],
        [
          "ncpc",
          3,
          1,
          "2024-11-25",
        ],
        [
          "th",
          3,
          1,
          "2024-11-29",
        ],
        [
          "tt-cbth",
          3,
          0,
          null,
        ],
        [
          "tt-pvhcc",
          7,
          3,
          "2024-11-29",
        ],
      ]
    `);
  });
});
