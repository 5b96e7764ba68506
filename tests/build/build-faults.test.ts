import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNpm, type Fault } from '../support/run-npm';
import { copyData, type TempData } from '../support/temp-data';

const entries = (dir: string) => (existsSync(dir) ? readdirSync(dir).sort() : []);
/** Leftovers of one process in the project, the temp folder and a folder of sites, by the pid the kill line names. */
function leftoversOf(pid: string, dirs: readonly string[]): string[] {
  return dirs.flatMap((dir) =>
    entries(dir)
      .filter((n) => n.includes(`-${pid}`))
      .map((n) => join(dir, n)),
  );
}

describe('npm run build killed part-way', () => {
  let data: TempData;
  let out: string;
  // A bundle cache of its own, inside the project (as the build requires), so that this build bundles and saves.
  const bundles = resolve('.cache', `bundle-faults-${process.pid}`);
  const build = (fault?: Fault) =>
    runNpm('build', ['--data', data.dataDir, '--out', out], { fault, env: { PLAN_BUNDLE_CACHE_DIR: bundles } });
  beforeAll(() => {
    data = copyData('build-kill-');
    out = join(data.root, 'dist');
  });
  afterAll(() => {
    rmSync(bundles, { recursive: true, force: true });
    data?.cleanup();
  });

  it('killed between the two renames of the swap: the next build puts the old site back first, and says so', async () => {
    const first = await build();
    expect(first.status, first.stderr).toBe(0);
    const page = readFileSync(join(out, 'index.html'), 'utf8');
    const killed = await build({ kill: 'after:rename:/dist.old-' });
    const pid = /fault-preload: SIGKILL .* \(pid (\d+),/.exec(killed.stderr)?.[1];
    expect(pid, killed.stderr).toBeDefined();
    expect(entries(data.root)).toEqual(['data', `dist.old-${pid}`, `dist.tmp-${pid}`]);

    const next = await runNpm('build', ['--data', join(data.root, 'khong-co'), '--out', out], {
      env: { PLAN_BUNDLE_CACHE_DIR: bundles },
    });
    // Even a build that then fails (here: no data folder) puts the old site back.
    expect(next.status).toBe(1);
    const said = next.stderr.replaceAll(data.root, '<tmp>');
    expect(said).toContain(
      `Put back <tmp>/dist/ from <tmp>/dist.old-${pid}: a build (process ${pid}) was stopped while replacing it.`,
    );
    expect(said).toMatch(
      new RegExp(
        `Removed what stopped runs left behind \\(process ${pid}, no longer running\\): <tmp>/dist\\.tmp-${pid} \\([\\d.]+ [KM]B\\)\\.`,
      ),
    );
    expect(entries(data.root)).toEqual(['data', 'dist']);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe(page);
  });

  it('killed while saving its bundle: the next build removes the bundle, the half-saved cache entry and the data snapshot, and says so', async () => {
    rmSync(bundles, { recursive: true, force: true });
    const killed = await build({ kill: 'after:mkdir:.tmp-' });
    const pid = /fault-preload: SIGKILL .* \(pid (\d+),/.exec(killed.stderr)?.[1];
    expect(pid, killed.stderr).toBeDefined();
    const places = [resolve('.'), bundles, tmpdir()];
    const left = leftoversOf(pid!, places);
    expect(left.map((p) => p.replace(/-[0-9a-f]{8}$|-\w{6}$/, '-…'))).toEqual([
      resolve(`.dist-${pid}-1`),
      expect.stringMatching(new RegExp(`^${bundles}/[0-9a-f]{32}\\.tmp-${pid}-…$`)),
      join(tmpdir(), `ke-hoach-data-${pid}-…`),
    ]);
    const next = await build();
    expect(next.status, next.stderr).toBe(0);
    expect(next.stderr).toContain(`Removed what stopped runs left behind (process ${pid}, no longer running): `);
    for (const path of left) expect(next.stderr).toContain(path.replace(`${resolve('.')}/`, ''));
    expect(leftoversOf(pid!, places)).toEqual([]);
  });
});

describe('what a killed publish leaves in its target', () => {
  let data: TempData;
  beforeAll(() => {
    data = copyData('publish-left-');
  });
  afterAll(() => data?.cleanup());

  it.each([
    ['the changes file', 'after:write:/.changes-', /^\.changes-\d+\.json$/],
    ['the new link to the release', 'after:symlink:/.current-', /^\.current-\d+$/],
  ])('removes %s at the next publish, and says so', async (_, kill, name) => {
    const target = mkdtempSync(join(data.root, 'www-'));
    const killed = await runNpm('publish', [target, '--data', data.dataDir], { fault: { kill } });
    expect(killed.status).not.toBe(0);
    expect(entries(target)).toContainEqual(expect.stringMatching(name));
    const next = await runNpm('publish', [target, '--data', data.dataDir]);
    expect(next.status, next.stderr).toBe(0);
    expect(next.stderr).toMatch(/Removed what stopped runs left behind \(process \d+, no longer running\): /);
    expect(entries(target).filter((n) => n.startsWith('.'))).toEqual([]);
  });
});
