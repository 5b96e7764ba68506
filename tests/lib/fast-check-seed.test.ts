import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { replayCommand, seedFromEnvironment } from '../support/fast-check-seed';

describe('FC_SEED', () => {
  it.each([
    [undefined, {}],
    ['', {}],
    ['42', { seed: 42 }],
    ['-813989651', { seed: -813989651 }],
  ])('%j gives %j', (value, expected) => {
    expect(seedFromEnvironment(value)).toEqual(expected);
  });

  it('refuses what is not a whole number', () => {
    expect(() => seedFromEnvironment('abc')).toThrowErrorMatchingInlineSnapshot(
      `[Error: FC_SEED=abc: expected a whole number, as a failure prints it]`,
    );
  });
});

describe('a failing property', () => {
  it('prints the seed and the command that replays it (this test: "quotes" (a) [b])', () => {
    expect(replayCommand(7)).toBe(
      `FC_SEED=7 npx vitest run tests/lib/fast-check-seed.test.ts -t 'prints the seed and the command that replays it \\(this test: "quotes" \\(a\\) \\[b\\]\\)'`,
    );
  });

  it('fails with fast-check report, seed and replay line, the assertion as its cause', () => {
    const run = () =>
      fc.assert(
        fc.property(fc.nat(), (n) => n < 0),
        { seed: 5 },
      );
    expect(run).toThrow(/seed: 5,[\s\S]*Replay: FC_SEED=5 npx vitest run tests\/lib\/fast-check-seed\.test\.ts -t/);
  });
});
