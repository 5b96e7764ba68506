import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acquireLock } from '../../src/node/releases/lock';
import { LOCK_FILE, publish, rollback } from '../../src/node/releases/publish';
import { readPreviousRelease } from '../../src/node/releases/release-changes';
import { listReleases, pruneReleases } from '../../src/node/releases/release-folders';
import { PAGE_SCRIPT } from '../../src/lib/site/inline-scripts';
import { E2E_BASE } from '../support/build-once';
import { copyData, type TempData } from '../support/temp-data';

const served = (target: string) => readlinkSync(join(target, 'current'));

describe('npm run publish and npm run rollback', () => {
  let data: TempData;
  let target: string;
  let first: string;
  let second: string;
  const previousBase = process.env.SITE_BASE;
  beforeAll(() => {
    data = copyData('publish-');
    target = join(data.root, 'www');
    process.env.SITE_BASE = E2E_BASE;
  });
  afterAll(() => {
    if (previousBase === undefined) delete process.env.SITE_BASE;
    else process.env.SITE_BASE = previousBase;
    data?.cleanup();
  });

  it('builds a checked release and points current at it', async () => {
    const result = await publish({
      target,
      dataDir: data.dataDir,
      now: new Date('2025-01-01T01:00:00.000Z'),
      log: () => {},
    });
    expect(result.ok, result.message).toBe(true);
    first = result.release!;
    expect(first).toBe('2025-01-01T01-00-00-000Z');
    expect(served(target)).toBe(`releases/${first}`);
    expect(existsSync(join(target, 'current', 'plans', '2024-khac-phuc', 'index.html'))).toBe(true);
    expect(readFileSync(join(target, 'current', 'updates', 'index.html'), 'utf8')).toContain(
      'bản đầu tiên, chưa có bản trước để so sánh',
    );
    expect(existsSync(join(target, LOCK_FILE))).toBe(false);
  });

  it("keeps the assets of the first release's pages reachable from the next (a code change renames them)", async () => {
    // As if the first release had been built from other code: an asset the next build does not make.
    const own = join(target, 'releases', first, '.own-assets.json');
    const assets: string[] = JSON.parse(readFileSync(own, 'utf8'));
    expect(assets.some((a) => /^[\w-]+\.[\w-]+\.css$/.test(a))).toBe(true);
    writeFileSync(join(target, 'releases', first, '_astro', 'Base.old12345.css'), 'p{}');
    writeFileSync(own, JSON.stringify([...assets, 'Base.old12345.css']));
    // …whose pages had another inline script.
    const home = join(target, 'releases', first, 'index.html');
    writeFileSync(home, readFileSync(home, 'utf8').replace(PAGE_SCRIPT, 'document.title;'));
  });

  it('publishes again with what changed since the first release, on the page and in the feed', async () => {
    data.edit('data/site.json', '2024-11-30', '2024-12-31');
    data.write(
      'data/plans/2024-khac-phuc/progress.csv',
      `${data.read('data/plans/2024-khac-phuc/progress.csv')}II.3.d,2024-12-20,done,100,2024-12-18,Đã ban hành Quyết định thay thế.,ban-tcd\n`,
    );
    const result = await publish({
      target,
      dataDir: data.dataDir,
      now: new Date('2025-01-02T01:00:00.000Z'),
      log: () => {},
    });
    expect(result.ok, result.message).toBe(true);
    second = result.release!;
    expect(result.message).toContain('1 task(s) changed status, 1 new progress report(s)');
    expect(result.message).toContain(
      "\nThe pages' inline script changed: print the nginx configuration again (npm run serve-config) and reload nginx",
    );
    expect(served(target)).toBe(`releases/${second}`);
    const page = readFileSync(join(target, 'current', 'updates', 'index.html'), 'utf8');
    expect(page).toContain('1 nhiệm vụ đổi tình trạng, 1 báo cáo tiến độ mới');
    expect(page).toContain('href="/ke-hoach/plans/2024-khac-phuc/tasks/II.3.d/"');
    expect(page).toContain('bản đầu tiên');
    const rss = readFileSync(join(target, 'current', 'updates', 'rss.xml'), 'utf8');
    expect(rss.match(/<item>/g)).toHaveLength(2);
    expect(rss).toContain(`<link>/ke-hoach/updates/#r-${second}</link>`);
    expect(readFileSync(join(target, 'current', '_astro', 'Base.old12345.css'), 'utf8')).toBe('p{}');
    expect(JSON.parse(readFileSync(join(target, 'current', '.own-assets.json'), 'utf8'))).not.toContain(
      'Base.old12345.css',
    );
  });

  it('rolls back to the previous release, and no further than the oldest', () => {
    const result = rollback(target);
    expect(result).toMatchObject({ ok: true, release: first });
    expect(served(target)).toBe(`releases/${first}`);
    expect(readFileSync(join(target, 'current', 'index.html'), 'utf8')).toContain('30/11/2024');
    expect(rollback(target)).toMatchObject({ ok: false });
    expect(served(target)).toBe(`releases/${first}`);
  });

  it('leaves the served site untouched when the data is bad, and says why', async () => {
    const lines: string[] = [];
    data.write(
      'data/plans/2024-khac-phuc/progress.csv',
      `${data.read('data/plans/2024-khac-phuc/progress.csv')}II.9.z,2024-12-20,done,100,,,hcqt\n`,
    );
    const result = await publish({
      target,
      dataDir: data.dataDir,
      now: new Date('2025-01-03T01:00:00.000Z'),
      log: (l) => lines.push(l),
    });
    expect(result.ok).toBe(false);
    expect(result.message).toContain(
      `Publish stopped: the data has 1 error(s) (listed above). ${target}/current still serves releases/${first}.`,
    );
    expect(lines.join('\n')).toMatch(/progress\.csv:\d+: task_id "II\.9\.z" is not a task id/);
    expect(served(target)).toBe(`releases/${first}`);
    expect(readdirSync(join(target, 'releases'))).toEqual([first, second]);
  });

  it('removes a release that fails its check (a broken link in a report note) and keeps serving the old one', async () => {
    const lines = data
      .read('data/plans/2024-khac-phuc/progress.csv')
      .split('\n')
      .filter((l) => !l.startsWith('II.9.z'));
    data.write(
      'data/plans/2024-khac-phuc/progress.csv',
      `${lines.join('\n')}II.3.c,2024-12-25,in_progress,90,,Xem [kế hoạch cũ](/ke-hoach/plans/khong-co/).,tt-pvhcc\n`,
    );
    const result = await publish({
      target,
      dataDir: data.dataDir,
      now: new Date('2025-01-04T01:00:00.000Z'),
      log: () => {},
    });
    expect(result.ok).toBe(false);
    expect(result.message).toContain('Publish stopped: the new release failed its check:\n');
    expect(result.message).toContain(
      'plans/2024-khac-phuc/tasks/II.3.c/index.html: broken link "/ke-hoach/plans/khong-co/" leads to plans/khong-co/index.html, which is not in the site',
    );
    expect(served(target)).toBe(`releases/${first}`);
    expect(readdirSync(join(target, 'releases'))).toEqual([first, second]);
  });

  it('refuses a second publish while one is running, without touching the site or its lock', async () => {
    const lock = join(target, LOCK_FILE);
    const owner = `${JSON.stringify({ pid: process.pid, started_at: '2025-01-03T00:00:00.000Z' })}\n`;
    writeFileSync(lock, owner);
    const result = await publish({ target, dataDir: data.dataDir, log: () => {} });
    expect(result.ok).toBe(false);
    expect(result.message).toContain(
      `Another publish is running (process ${process.pid}, started 2025-01-03T00:00:00.000Z)`,
    );
    expect(rollback(target).ok).toBe(false);
    expect(readFileSync(lock, 'utf8')).toBe(owner);
    expect(served(target)).toBe(`releases/${first}`);
  });
});

describe('the publish lock', () => {
  it('is taken over when the process that held it has died', () => {
    const data = copyData('lock-');
    try {
      const file = join(data.root, LOCK_FILE);
      const dead = spawnSync(process.execPath, ['-e', '']).pid!;
      writeFileSync(file, JSON.stringify({ pid: dead, started_at: '2025-01-01T00:00:00.000Z' }));
      const taken = acquireLock(file);
      expect(taken.ok).toBe(true);
      expect(JSON.parse(readFileSync(file, 'utf8')).pid).toBe(process.pid);
      expect(acquireLock(file).ok).toBe(false);
      if (taken.ok) taken.lock.release();
      expect(existsSync(file)).toBe(false);
    } finally {
      data.cleanup();
    }
  });
});

describe('old releases', () => {
  it('keeps the newest five and the one being served, and clears unfinished folders', () => {
    const data = copyData('prune-');
    try {
      const target = join(data.root, 'www');
      const names = Array.from({ length: 7 }, (_, i) => `2025-01-0${i + 1}T00-00-00-000Z`);
      for (const name of names) {
        mkdirSync(join(target, 'releases', name), { recursive: true });
        writeFileSync(join(target, 'releases', name, 'changes.json'), '{}');
      }
      mkdirSync(join(target, 'releases', '2025-01-09T00-00-00-000Z'));
      mkdirSync(join(target, 'releases', '2025-01-09T00-00-00-000Z.tmp-123'));
      symlinkSync(`releases/${names[0]}`, join(target, 'current'));
      expect(listReleases(target)).toEqual(names);
      expect(pruneReleases(target).sort()).toEqual([
        names[1],
        '2025-01-09T00-00-00-000Z',
        '2025-01-09T00-00-00-000Z.tmp-123',
      ]);
      expect(readdirSync(join(target, 'releases')).sort()).toEqual([names[0], ...names.slice(2)]);
    } finally {
      data.cleanup();
    }
  });
});

describe('what the previous release says', () => {
  it('reads each plan from its own export, not from its exports at a period’s cut-off', () => {
    const data = copyData('previous-');
    try {
      const exportsDir = join(data.root, 'release', 'exports');
      mkdirSync(exportsDir, { recursive: true });
      const exported = (status: string, asOf: string) =>
        JSON.stringify({ as_of: asOf, plan: { id: 'p', title: 'K' }, tasks: [{ id: 'I.1', title: 'N', status }] });
      writeFileSync(join(exportsDir, 'p.json'), exported('done_on_time', '2024-11-30'));
      writeFileSync(join(exportsDir, 'p.2024-q1.json'), exported('not_started', '2024-03-31'));
      writeFileSync(join(exportsDir, 'p.2025.json'), exported('overdue', '2025-12-31'));
      const previous = readPreviousRelease(join(data.root, 'release'), 'r1');
      expect(previous.exports).toEqual([
        { plan: { id: 'p', title: 'K' }, tasks: [{ id: 'I.1', title: 'N', status: 'done_on_time' }] },
      ]);
    } finally {
      data.cleanup();
    }
  });
});
