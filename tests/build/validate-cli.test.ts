import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const run = (args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'scripts/validate.ts', ...args], { encoding: 'utf8' });

describe('npm run validate', () => {
  it('accepts the default data', () => {
    const result = run([]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Data OK: 1 plan(s), 12 task(s)');
  });

  it('prints every problem, one a line, and exits non-zero', () => {
    const work = mkdtempSync(join(tmpdir(), 'validate-'));
    cpSync('data', join(work, 'data'), { recursive: true });
    const tasks = join(work, 'data/plans/2024-khac-phuc/tasks.csv');
    writeFileSync(
      tasks,
      readFileSync(tasks, 'utf8').replace(',2024-Q4\n', ',2024-Q5\n').replace(',ban-tcd,*,', ',ban-xyz,*,'),
    );
    const result = run(['--data', join(work, 'data')]);
    rmSync(work, { recursive: true, force: true });
    expect(result.status).toBe(1);
    const lines = result.stderr.split('\n').filter((l) => l.includes('tasks.csv:'));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/tasks\.csv:\d+: lead_units "ban-xyz" is not a unit id in units$/);
    expect(lines[1]).toMatch(/tasks\.csv:\d+: due "2024-Q5": part "2024-Q5" is not a date/);
    expect(result.stderr).toContain('2 error(s): the data was not accepted.');
  });

  it('never says "Data OK" for a CSV file that lost its Vietnamese letters to a Windows-1252 save', () => {
    const work = mkdtempSync(join(tmpdir(), 'validate-'));
    cpSync('data', join(work, 'data'), { recursive: true });
    const units = join(work, 'data/units.csv');
    // What "Save as CSV" with the Western Europe character set writes: "?" for every letter it has no byte for.
    writeFileSync(units, readFileSync(units, 'utf8').replace(/[^\u0020-\u00ff\n]/g, '?'), 'latin1');
    const result = run(['--data', join(work, 'data')]);
    rmSync(work, { recursive: true, force: true });
    expect(result.status).toBe(1);
    expect(result.stdout).not.toContain('Data OK');
    expect(result.stderr).toMatch(/units\.csv:\d+: "[^"]*\?[^"]*" has "\?" where Vietnamese letters stood/);
  });
});
