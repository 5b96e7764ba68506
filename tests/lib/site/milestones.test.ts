import { describe, expect, it } from 'vitest';
import { parseDue } from '../../../src/lib/data/due';
import { describeMilestone } from '../../../src/lib/site/milestones';

describe('describeMilestone', () => {
  it.each([
    ['2024-Q2', 'quý II/2024 (hạn 30/06/2024)'],
    ['2024-Q4', 'quý IV/2024 (hạn 31/12/2024)'],
    ['2024-05', 'tháng 5/2024 (hạn 31/05/2024)'],
    ['2024-02', 'tháng 2/2024 (hạn 29/02/2024)'],
    ['30/6/2024', 'ngày 30/06/2024'],
    ['ongoing', 'thường xuyên trong năm 2024 (hạn 31/12/2024)'],
  ])('%s reads "%s"', (expr, words) => {
    const due = parseDue(expr, 2024);
    if (!due.ok) throw new Error(due.message);
    expect(describeMilestone(due.due.milestones[0]!)).toBe(words);
  });
});
