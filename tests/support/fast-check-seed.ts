/** Test setup: every fast-check property can be replayed. FC_SEED=<n> sets the seed; a failure prints the command that replays it. */
import fc from 'fast-check';
import { expect } from 'vitest';

fc.configureGlobal({ ...seedFromEnvironment(process.env.FC_SEED), reporter: reportWithReplay });

/** The seed FC_SEED asks for, or nothing (fast-check then draws one per property). */
export function seedFromEnvironment(value: string | undefined): { seed?: number } {
  if (value === undefined || value.trim() === '') return {};
  const seed = Number(value);
  if (!Number.isSafeInteger(seed)) throw new Error(`FC_SEED=${value}: expected a whole number, as a failure prints it`);
  return { seed };
}

// fast-check's own report (seed, path, counterexample) and the command that runs this test again with the same seed.
function reportWithReplay(details: fc.RunDetails<unknown>): void {
  if (!details.failed) return;
  throw new Error(`${fc.defaultReportMessage(details)}\n\nReplay: ${replayCommand(details.seed)}`, {
    cause: details.errorInstance,
  });
}

/** `FC_SEED=<seed> npx vitest run <file> -t '<test>'` for the test running now. */
export function replayCommand(seed: number): string {
  const { testPath, currentTestName } = expect.getState();
  const file = testPath ? testPath.slice(testPath.indexOf('/tests/') + 1) : '<test file>';
  const name = (currentTestName ?? '').split(' > ').at(-1) ?? '';
  const pattern = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "'\\''");
  return `FC_SEED=${seed} npx vitest run ${file} -t '${pattern}'`;
}
