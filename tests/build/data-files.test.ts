import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RefusedEntry } from '../../src/lib/data/load-context';
import { formatIssue } from '../../src/lib/data/problems';
import { fsSource } from '../../src/node/data/fs-source';
import { loadSiteFromDisk } from '../../src/node/data/load-site';
import { snapshotYear } from '../../src/node/archive/freeze-year';
import { runNpm } from '../support/run-npm';
import { copyData, type TempData } from '../support/temp-data';

const PLAN = '2024-khac-phuc';
const PLAN_DIR = `data/plans/${PLAN}`;

/** Every problem of loading the temp data, as `path: message` lines with the temp folder shown as <tmp>. */
function problems(data: TempData): string[] {
  const { issues } = loadSiteFromDisk(data.dataDir, data.root);
  return issues.map((i) => formatIssue(i).replaceAll(data.root, '<tmp>'));
}

describe('data files that are not regular files', () => {
  let data: TempData;
  beforeEach(() => {
    data = copyData('entries-');
  });
  afterEach(() => data.cleanup());

  const progress = () => join(data.root, PLAN_DIR, 'progress.csv');
  it.each<[string, () => void, string]>([
    [
      'a dangling symbolic link',
      () => symlinkSync('khong-co.csv', progress()),
      `${PLAN_DIR}/progress.csv: is a symbolic link (to "khong-co.csv"), not a file: links are not followed in the data and archive folders; put the file itself here`,
    ],
    [
      'a folder',
      () => mkdirSync(progress()),
      `${PLAN_DIR}/progress.csv: is a folder, not a regular file; data is read only from regular files`,
    ],
    [
      'a named pipe',
      () => execFileSync('mkfifo', [progress()]),
      `${PLAN_DIR}/progress.csv: is a named pipe (FIFO), not a regular file; data is read only from regular files`,
    ],
    [
      'a link to /dev/zero',
      () => symlinkSync('/dev/zero', progress()),
      `${PLAN_DIR}/progress.csv: is a symbolic link (to "/dev/zero"), not a file: links are not followed in the data and archive folders; put the file itself here`,
    ],
    [
      'a link to /dev/urandom',
      () => symlinkSync('/dev/urandom', progress()),
      `${PLAN_DIR}/progress.csv: is a symbolic link (to "/dev/urandom"), not a file: links are not followed in the data and archive folders; put the file itself here`,
    ],
  ])('refuses a progress file that is %s, naming it, instead of reading "no reports"', (_, make, message) => {
    rmSync(progress());
    make();
    expect(problems(data)).toEqual([message]);
  });

  it('refuses units.csv linked to a file outside data/ without reading it or printing its contents', async () => {
    rmSync(join(data.dataDir, 'units.csv'));
    symlinkSync('/etc/passwd', join(data.dataDir, 'units.csv'));
    const run = await runNpm('validate', ['--data', data.dataDir]);
    expect(run.status).toBe(1);
    expect(run.stderr).not.toContain('root:');
    expect(run.stderr.replaceAll(data.root, '<tmp>')).toContain(
      '<tmp>/data/units.csv: is a symbolic link (to "/etc/passwd"), not a file: links are not followed in the data and archive folders; put the file itself here',
    );
  });

  it('stops the build at once on a site.json linked to /dev/zero, leaving no site', async () => {
    rmSync(join(data.dataDir, 'site.json'));
    symlinkSync('/dev/zero', join(data.dataDir, 'site.json'));
    const out = join(data.root, 'site');
    const build = await runNpm('build', ['--data', data.dataDir, '--out', out]);
    expect(build.status).toBe(1);
    expect(build.stderr.replaceAll(data.root, '<tmp>')).toContain(
      '<tmp>/data/site.json: is a symbolic link (to "/dev/zero"), not a file',
    );
    expect(existsSync(out)).toBe(false);
  });

  it('names a plan folder that is a link instead of skipping it without a word', () => {
    renameSync(join(data.root, PLAN_DIR), join(data.root, 'elsewhere'));
    symlinkSync('../../elsewhere', join(data.root, PLAN_DIR));
    expect(problems(data)).toEqual([
      `${PLAN_DIR}: is a symbolic link (to "../../elsewhere"), not a file or folder: links are not followed in the data and archive folders; put the file or folder itself here`,
    ]);
  });

  it('refuses a link that stays inside data/ too (a link can change what a plan says without its files changing)', () => {
    cpSync(join(data.root, PLAN_DIR), join(data.dataDir, 'plans', '2024-ban-sao'), { recursive: true });
    rmSync(join(data.dataDir, 'plans', '2024-ban-sao', 'tasks.csv'));
    symlinkSync(`../${PLAN}/tasks.csv`, join(data.dataDir, 'plans', '2024-ban-sao', 'tasks.csv'));
    expect(problems(data)).toEqual([
      `data/plans/2024-ban-sao/tasks.csv: is a symbolic link (to "../${PLAN}/tasks.csv"), not a file: links are not followed in the data and archive folders; put the file itself here`,
    ]);
  });

  it('refuses data/plans as a link, and reads data/ itself through a link (the data folder may live elsewhere)', () => {
    renameSync(data.dataDir, join(data.root, 'real-data'));
    symlinkSync('real-data', data.dataDir);
    expect(problems(data)).toEqual([]);
    renameSync(join(data.root, 'real-data', 'plans'), join(data.root, 'plans'));
    symlinkSync('../plans', join(data.root, 'real-data', 'plans'));
    expect(problems(data)).toEqual([
      'data/plans: is a symbolic link (to "../plans"), not a folder: links are not followed in the data and archive folders; put the folder itself here',
    ]);
  });

  it.each(['tasks.csv', 'tasks.xlsx', 'ghi-chu.txt'])(
    'refuses %s through a link whatever its extension, where files are opened',
    (name) => {
      const path = join(data.root, PLAN_DIR, name);
      rmSync(path, { force: true });
      symlinkSync('/etc/hostname', path);
      const source = fsSource(data.root, { confine: [data.dataDir] });
      expect(() => source.read(`${PLAN_DIR}/${name}`)).toThrow(RefusedEntry);
      expect(source.size(`${PLAN_DIR}/${name}`)).toBeDefined();
    },
  );
});

describe('archived files that are links', () => {
  let data: TempData;
  beforeEach(() => {
    data = copyData('archive-links-');
    const result = snapshotYear({ year: 2024, dataDir: data.dataDir });
    if (!result.ok) throw new Error(result.message);
  });
  afterEach(() => data.cleanup());

  it('refuses a file replaced by a link to identical content', () => {
    const file = join(data.archiveDir, '2024', 'plans', PLAN, 'progress.csv');
    cpSync(file, join(data.root, 'same.csv'));
    rmSync(file);
    symlinkSync(join(data.root, 'same.csv'), file);
    expect(problems(data)).toEqual([
      `archive/2024/plans/${PLAN}/progress.csv: is a symbolic link (to "<tmp>/same.csv"), not a file or folder: links are not followed in the data and archive folders; put the file or folder itself here`,
    ]);
  });

  it('says in one line what to do when a plan folder is replaced by a link, in validate and the build', async () => {
    const dir = join(data.archiveDir, '2024', 'plans', PLAN);
    renameSync(dir, join(data.root, 'moved'));
    symlinkSync(join(data.root, 'moved'), dir);
    const expected = `<tmp>/archive/2024/plans/${PLAN}: is a symbolic link (to "<tmp>/moved"), not a file or folder: links are not followed in the data and archive folders; put the file or folder itself here`;
    const validate = await runNpm('validate', ['--data', data.dataDir]);
    expect(validate.status).toBe(1);
    expect(validate.stderr.replaceAll(data.root, '<tmp>').trim().split('\n')).toEqual([
      expected,
      '',
      '1 error(s): the data was not accepted. Fix them and run npm run validate again.',
    ]);
    const build = await runNpm('build', ['--data', data.dataDir, '--out', join(data.root, 'site')]);
    expect(build.status).toBe(1);
    expect(build.stderr.replaceAll(data.root, '<tmp>')).toContain(expected);
    expect(build.stderr).not.toMatch(/\n\s+at /);
  });
});
