import { describe, expect, it } from 'vitest';
import { currentPlans, currentYear } from '../../../src/lib/status/current';
import { loadDataset } from '../../../src/lib/data/load';
import { isLiveIn, lastYearOf, shownYear, yearsLabel } from '../../../src/lib/data/plan-years';
import { formatIssue, sortIssues } from '../../../src/lib/data/problems';
import { memorySource, type MemoryFiles } from '../../support/memory-source';
import { PLAN, smallData } from '../../support/small-data';

const planJson = (extra: Record<string, unknown>): MemoryFiles => ({
  ...smallData(),
  [`${PLAN}/plan.json`]: JSON.stringify({
    year: 2024,
    title: 'Kế hoạch 2024–2026',
    sections: [
      { id: 'II', title: 'Nội dung thực hiện' },
      { id: 'II.1', parent: 'II', title: 'Phát huy ưu điểm' },
    ],
    ...extra,
  }),
});
const load = (files: MemoryFiles) => loadDataset(memorySource(files), { root: 'data', buildDate: '2024-08-01' });

describe('plan.json end_year', () => {
  it('gives the last year of a plan over several years; `ongoing` then runs to the end of that year', () => {
    const { dataset, issues } = load(planJson({ end_year: 2026 }));
    expect(issues.filter((i) => i.level === 'error')).toEqual([]);
    const plan = dataset!.plans[0]!;
    expect([plan.year, plan.endYear]).toEqual([2024, 2026]);
    expect(plan.tasks.find((t) => t.dueExpr === 'ongoing')?.due.final).toBe('2026-12-31');
  });

  it('may be left out, or be the plan’s year itself, or a year written as text', () => {
    expect(load(planJson({})).dataset!.plans[0]!.endYear).toBeUndefined();
    expect(load(planJson({ end_year: 2024 })).dataset!.plans[0]!.endYear).toBe(2024);
    expect(load(planJson({ end_year: ' 2030 ' })).dataset!.plans[0]!.endYear).toBe(2030);
  });

  it.each([
    [2023, "end_year: end_year 2023 is not from the plan's year 2024 to 2034"],
    [2035, "end_year: end_year 2035 is not from the plan's year 2024 to 2034"],
    ['2025-2030', 'end_year: end_year "2025-2030" is not a year (expected four digits, like 2030)'],
    [2030.5, 'end_year: end_year "2030.5" is not a year (expected four digits, like 2030)'],
  ])('refuses %j, saying why', (value, message) => {
    const result = load(planJson({ end_year: value }));
    expect(result.dataset).toBeUndefined();
    expect(sortIssues(result.issues).map(formatIssue)).toContain(`${PLAN}/plan.json: ${message}`);
  });
});

describe('the years of a plan', () => {
  const single = { year: 2024 };
  const several = { year: 2025, endYear: 2030 };

  it('is live in each of its years, and shown in the as-of year kept within them', () => {
    expect([lastYearOf(single), lastYearOf(several)]).toEqual([2024, 2030]);
    expect([2024, 2025, 2030, 2031].map((y) => isLiveIn(several, y))).toEqual([false, true, true, false]);
    expect(['2024-06-30', '2027-03-01', '2032-01-01'].map((d) => shownYear(several, d))).toEqual([2025, 2027, 2030]);
    expect([yearsLabel(single), yearsLabel(several), yearsLabel({ year: 2024, endYear: 2024 })]).toEqual([
      '2024',
      '2025–2030',
      '2024',
    ]);
  });

  it('makes the dashboard show the plans live in the as-of year, or those of the latest year', () => {
    const plans = [
      { plan: { id: 'a', year: 2024 } },
      { plan: { id: 'b', year: 2021, endYear: 2025 } },
      { plan: { id: 'c', year: 2026, endYear: 2030 } },
    ];
    const ids = (asOf: string) => currentPlans(plans, asOf).map((p) => p.plan.id);
    expect([ids('2024-11-30'), ids('2025-02-01'), ids('2027-01-01'), ids('2031-01-01')]).toEqual([
      ['a', 'b'],
      ['b'],
      ['c'],
      ['c'],
    ]);
    expect(currentYear(plans, '2031-01-01')).toBe(2030);
    expect(currentPlans([], '2024-11-30')).toEqual([]);
  });
});
