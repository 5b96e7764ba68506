// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- astro check needs it to type the `test` key
/// <reference types="vitest/config" />
import { defineConfig } from 'vitest/config';

// Fixed time zone and locale so dates and sorting come out the same on every machine.
process.env.TZ = 'UTC';
process.env.LANG = 'C.UTF-8';
process.env.ASTRO_TELEMETRY_DISABLED = '1';

export default defineConfig({
  test: {
    // In CI also write a JSON report, from which .ci/run prints one closing 'N passed, N failed' line.
    reporters: process.env.CI ? ['default', ['json', { outputFile: '.tmp/vitest-unit.json' }]] : ['default'],
    include: ['tests/lib/**/*.test.ts', 'tests/bench/**/*.test.ts', 'tests/build/**/*.test.ts'],
    // fast-check: FC_SEED=<n> replays a property run; a failure prints the command (tests/support/fast-check-seed.ts).
    setupFiles: ['tests/support/fast-check-seed.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
