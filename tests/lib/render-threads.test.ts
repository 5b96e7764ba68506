import { describe, expect, it } from 'vitest';
import { buildProcessCount, FIRST_PART_WEIGHT, formatBuildPart, parseBuildPart, partOfPath, partRendersPage, WHOLE_BUILD } from '../../src/lib/build-parts';

const paths = Array.from({ length: 20_000 }, (_, i) => `/plans/2024-p${i % 40}/tasks/II.${i % 12}.${i}/`);

describe('splitting a build between processes', () => {
  it('reads and writes i/n, and refuses anything else', () => {
    expect(parseBuildPart(undefined)).toEqual(WHOLE_BUILD);
    expect(parseBuildPart(' ')).toEqual(WHOLE_BUILD);
    expect(parseBuildPart('1/2')).toEqual({ index: 1, count: 2 });
    expect(formatBuildPart({ index: 1, count: 3 })).toBe('1/3');
    for (const bad of ['2/2', '1', '-1/2', '0/0', 'a/b', '1/2/3']) expect(() => parseBuildPart(bad), bad).toThrow(/expected i\/n/);
  });

  it('gives every page to exactly one part, whatever the number of parts', () => {
    for (const count of [1, 2, 3, 4]) {
      for (const path of paths.slice(0, 2000)) {
        const owners = Array.from({ length: count }, (_, index) => partRendersPage({ index, count }, path, true)).filter(Boolean);
        expect(owners).toHaveLength(1);
      }
    }
  });

  it('gives pages without parameters (dashboard, /tasks/, lists) to part 0 only', () => {
    expect(partRendersPage({ index: 0, count: 2 }, '/tasks/', false)).toBe(true);
    expect(partRendersPage({ index: 1, count: 2 }, '/tasks/', false)).toBe(false);
    expect(partRendersPage(WHOLE_BUILD, '/tasks/', false)).toBe(true);
  });

  it('spreads pages with parameters by the weights, part 0 taking less', () => {
    for (const count of [2, 4]) {
      const sizes = Array.from({ length: count }, () => 0);
      for (const path of paths) sizes[partOfPath(path, count)]! += 1;
      const total = FIRST_PART_WEIGHT + count - 1;
      expect(sizes[0]! / paths.length).toBeCloseTo(FIRST_PART_WEIGHT / total, 1);
      for (const size of sizes.slice(1)) expect(size / paths.length).toBeCloseTo(1 / total, 1);
    }
  });

  it('uses one process for a small data folder and one per CPU (at most four) for a large one', () => {
    expect(buildProcessCount(60_000, 2)).toBe(1);
    expect(buildProcessCount(26_000_000, 2)).toBe(2);
    expect(buildProcessCount(26_000_000, 1)).toBe(1);
    expect(buildProcessCount(26_000_000, 32)).toBe(4);
  });
});
