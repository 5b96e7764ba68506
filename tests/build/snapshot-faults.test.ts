import { cpSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runNpm } from '../support/run-npm';
import { copyData, type TempData } from '../support/temp-data';

const PLANS = ['2024-khac-phuc', '2024-khac-phuc-b', '2024-khac-phuc-c'];

/** A copy of data/ with three plans of 2024. */
function threePlans(): TempData {
  const data = copyData('snapshot-kill-');
  for (const id of PLANS.slice(1))
    cpSync(join(data.dataDir, 'plans', PLANS[0]!), join(data.dataDir, 'plans', id), { recursive: true });
  return data;
}

const everything = (dir: string) => (existsSync(dir) ? readdirSync(dir).sort() : []);

describe('npm run snapshot killed part-way', () => {
  let data: TempData;
  afterEach(() => data?.cleanup());

  // Each kill point of a snapshot, in order; `--force` where the point is only reached when replacing an archive.
  it.each<[string, string, boolean]>([
    ['after moving the first plan folder aside', 'after:rename:plans/.snapshot-2024-', false],
    ['after moving the old archive aside', 'after:rename:archive/.old-2024-', true],
    ['after switching the archive, before sealing it', 'before:rename:2024.seal', false],
    ['after sealing, before deleting the moved folders', 'after:rename:2024.seal', true],
    ['while deleting the moved folders', 'after:rm:plans/.snapshot-2024-', false],
  ])(
    '%s: validate and build refuse, naming what is left, and a rerun ends with every plan archived',
    async (_, kill, force) => {
      data = threePlans();
      const args = ['2024', '--data', data.dataDir];
      if (force) {
        // An archive of the year to replace, made of the first plan; the other two are live.
        cpSync(join(data.dataDir, 'plans', PLANS[0]!), join(data.root, 'keep'), { recursive: true });
        const first = await runNpm('snapshot', args);
        expect(first.status, first.stderr).toBe(0);
        cpSync(join(data.root, 'keep'), join(data.dataDir, 'plans', PLANS[0]!), { recursive: true });
        // The archived copy of the first plan is replaced by the live one, as documented for --force.
        args.push('--force');
      }
      const killed = await runNpm('snapshot', args, { fault: { kill } });
      expect(killed.stderr).toMatch(/fault-preload: SIGKILL .* \(pid \d+, node v24\./);
      expect(killed.status).not.toBe(0);

      const validate = await runNpm('validate', ['--data', data.dataDir]);
      expect(validate.status).toBe(1);
      const advice =
        /snapshot-2024-\d+\.json: was left by a snapshot that was stopped part-way \(process \d+\): plans may be missing from the site until it is finished or undone\. Run npm run (snapshot -- 2024(?: --force)?) again: it first finishes or undoes the stopped one by itself/.exec(
          validate.stderr,
        );
      expect(advice, validate.stderr).not.toBeNull();
      expect(advice![1]).toBe(force ? 'snapshot -- 2024 --force' : 'snapshot -- 2024');
      expect(validate.stdout).not.toContain('Data OK');
      const build = await runNpm('build', ['--data', data.dataDir, '--out', join(data.root, 'site')]);
      expect(build.status).toBe(1);
      expect(build.stderr).toContain(`Run npm run ${advice![1]} again`);
      expect(existsSync(join(data.root, 'site'))).toBe(false);

      // The advice, as written.
      const [script, , ...rest] = advice![1]!.split(' ');
      const rerun = await runNpm(script!, [...rest, '--data', data.dataDir]);
      expect(rerun.status, rerun.stderr).toBe(0);
      expect(rerun.stdout).toMatch(/^(Finished|Undid) the snapshot of 2024 that was stopped \(process \d+\)/);
      expect(everything(join(data.archiveDir, '2024', 'plans'))).toEqual(PLANS);
      expect(everything(join(data.dataDir, 'plans'))).toEqual([]);
      expect(everything(data.archiveDir)).toEqual(['2024', '2024.seal']);
      const after = await runNpm('validate', ['--data', data.dataDir]);
      expect(after.status, after.stderr).toBe(0);
      expect(after.stdout).toContain('Archived 2024: 3 plan(s)');
    },
  );

  it('killed while writing the new archive: nothing is hidden, and the rerun removes the copy and says so', async () => {
    data = threePlans();
    const killed = await runNpm('snapshot', ['2024', '--data', data.dataDir], {
      fault: { kill: 'after:write:manifest.json' },
    });
    expect(killed.status).not.toBe(0);
    expect(everything(data.archiveDir)).toEqual([expect.stringMatching(/^\.tmp-2024-\d+$/)]);
    const validate = await runNpm('validate', ['--data', data.dataDir]);
    expect(validate.stdout).toContain('Data OK: 3 plan(s)');
    const rerun = await runNpm('snapshot', ['2024', '--data', data.dataDir]);
    expect(rerun.status, rerun.stderr).toBe(0);
    expect(rerun.stdout.replaceAll(data.root, '<tmp>')).toMatch(
      /^Removed what stopped runs left behind \(process \d+, no longer running\): <tmp>\/archive\/\.tmp-2024-\d+ \(\d+ KB\)\.\nArchived 2024/,
    );
    expect(everything(data.archiveDir)).toEqual(['2024', '2024.seal']);
  });
});
