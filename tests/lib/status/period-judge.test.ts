/** Property tests of the one rule behind today's judgement and every period's: seeded, so a failure replays. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexPlans, judgePlans } from '../../../src/lib/status/archive-model';
import { addDays } from '../../../src/lib/dates';
import { evaluatePlan } from '../../../src/lib/status/evaluate';
import type { Plan } from '../../../src/lib/data/model';
import { judgePeriod } from '../../../src/lib/status/period-report';
import { PERIOD_KINDS, periodHolding, periodsOfYear } from '../../../src/lib/data/periods';
import { REPORTED_STATUSES } from '../../../src/lib/data/model';
import { report, task } from '../../support/plan-fixture';

const DUES = [
  'ongoing',
  '2024-Q1',
  '2024-Q2',
  '2024-Q3',
  '2024-Q4',
  '2024-05',
  '2024-02',
  '15/8/2024',
  '2024-Q2;2024-Q4',
  '2024-03;ongoing',
];
/** A day from 01/12/2023 to 28/02/2025. */
const day = fc.integer({ min: 0, max: 455 }).map((n) => addDays('2023-12-01', n));

const planArb = fc
  .record({
    dues: fc.array(fc.constantFrom(...DUES), { minLength: 1, maxLength: 6 }),
    reports: fc.array(
      fc.record({
        task: fc.nat(),
        asOf: day,
        status: fc.constantFrom(...REPORTED_STATUSES),
        early: fc.integer({ min: 0, max: 40 }),
        percent: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
      }),
      { maxLength: 30 },
    ),
  })
  .map(({ dues, reports }): Plan => {
    const tasks = dues.map((due, i) => task(`II.${i + 1}`, due));
    return {
      id: 'p',
      year: 2024,
      title: 'Kế hoạch',
      sections: [{ id: 'I', title: 'Mục I' }],
      tasks,
      reports: reports.map((r) =>
        report(tasks[r.task % tasks.length]!.id, r.asOf, r.status, {
          percent: r.status === 'done' ? 100 : r.percent,
          completedOn: r.status === 'done' ? addDays(r.asOf, -r.early) : undefined,
        }),
      ),
    };
  });

describe('judging at a cut-off', () => {
  it('through the period function at the as-of date gives today’s judgement, for every kind of period', () => {
    fc.assert(
      fc.property(planArb, day, (plan, asOf) => {
        const today = judgePlans([plan], asOf)[0]!;
        const [history] = indexPlans([plan]);
        for (const kind of PERIOD_KINDS) expect(judgePeriod(history!, periodHolding(kind, asOf), asOf)).toEqual(today);
      }),
      { numRuns: 300, seed: 20241130 },
    );
  });

  it('at any period’s cut-off, reads only the reports dated on or before it', () => {
    fc.assert(
      fc.property(planArb, day, (plan, asOf) => {
        const [history] = indexPlans([plan]);
        for (const period of periodsOfYear(2024, asOf)) {
          const state = judgePeriod(history!, period, asOf);
          const cutoff = state.asOf;
          expect(cutoff <= asOf && cutoff <= period.end).toBe(true);
          const earlier = evaluatePlan({ ...plan, reports: plan.reports.filter((r) => r.asOf <= cutoff) }, cutoff);
          const byId = new Map(earlier.tasks.map((t) => [t.task.id, t]));
          for (const t of state.tasks) expect(t).toEqual(byId.get(t.task.id));
        }
      }),
      { numRuns: 150, seed: 20240930 },
    );
  });
});
