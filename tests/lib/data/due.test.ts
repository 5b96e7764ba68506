import { describe, expect, it } from 'vitest';
import { parseDue } from '../../../src/lib/data/due';

describe('parseDue', () => {
  it.each([
    ['2024-06-30', '2024-06-30'],
    ['30/6/2024', '2024-06-30'],
    ['2024-05', '2024-05-31'],
    ['2024-02', '2024-02-29'],
    ['2023-02', '2023-02-28'],
    ['2024-Q1', '2024-03-31'],
    ['2024-Q2', '2024-06-30'],
    ['2024-q3', '2024-09-30'],
    ['2024-Q4', '2024-12-31'],
    ['ongoing', '2024-12-31'],
    ['Ongoing', '2024-12-31'],
    ['2024-Q2;2024-Q3;2024-Q4', '2024-12-31'],
    ['2024-05; ongoing', '2024-12-31'],
  ])('%s is due %s', (expr, final) => {
    const result = parseDue(expr, 2024);
    expect(result.ok && result.due.final).toBe(final);
  });

  it('keeps every milestone in order, the last being the final deadline', () => {
    const result = parseDue('2024-Q2;2024-Q3;2024-Q4', 2024);
    expect(result.ok && result.due.milestones.map((m) => m.date)).toEqual(['2024-06-30', '2024-09-30', '2024-12-31']);
  });

  it('takes ongoing as the end of the plan year, not the calendar', () => {
    const result = parseDue('ongoing', 2025);
    expect(result.ok && result.due.final).toBe('2025-12-31');
  });

  it.each([
    ['', 'is empty'],
    ['2024-Q5', 'part "2024-Q5" is not a date'],
    ['Quý II/2024', 'part "Quý II/2024" is not a date'],
    ['31/02/2024', 'part "31/02/2024" is not a date'],
    ['2024-13', 'part "2024-13" is not a date'],
    ['2024-Q4;2024-Q2', 'milestone "2024-Q2" comes before "2024-Q4"'],
  ])('refuses %j', (expr, message) => {
    const result = parseDue(expr, 2024);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toContain(message);
  });
});
