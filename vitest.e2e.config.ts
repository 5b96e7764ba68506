// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- astro check needs it to type the `test` key
/// <reference types="vitest/config" />
import { defineConfig } from 'vitest/config';

// End-to-end tests: build the site, serve it on 127.0.0.1 and drive Debian's Chromium. One file at a time.
process.env.TZ = 'UTC';
process.env.LANG = 'C.UTF-8';
process.env.ASTRO_TELEMETRY_DISABLED = '1';

export default defineConfig({
  test: {
    // In CI also write a JSON report, from which .ci/run prints one closing 'N passed, N failed' line.
    reporters: process.env.CI ? ['default', ['json', { outputFile: '.tmp/vitest-e2e.json' }]] : ['default'],
    include: ['tests/e2e/**/*.test.ts'],
    // fast-check: FC_SEED=<n> replays a property run; a failure prints the command (tests/support/fast-check-seed.ts).
    setupFiles: ['tests/support/fast-check-seed.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
