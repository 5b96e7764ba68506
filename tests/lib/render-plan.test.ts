import { describe, expect, it } from 'vitest';
import { renderThreadCount } from '../../src/lib/render-threads';

describe('how many threads render the pages', () => {
  it('uses one thread below 5 MB of data (1,000 tasks: a second thread did not pay) and one per CPU (at most four) above', () => {
    expect(renderThreadCount(60_000, 2)).toBe(1);
    expect(renderThreadCount(2_600_000, 2)).toBe(1);
    expect(renderThreadCount(26_000_000, 2)).toBe(2);
    expect(renderThreadCount(26_000_000, 1)).toBe(1);
    expect(renderThreadCount(26_000_000, 32)).toBe(4);
  });
});
