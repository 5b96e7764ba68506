import { existsSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runNpm, type Fault, type NpmRun } from '../support/run-npm';
import { mountSmallDisk, type SmallDisk } from '../support/small-disk';
import { copyData, type TempData } from '../support/temp-data';

const served = (target: string) => readlinkSync(join(target, 'current')).replace('releases/', '');
const entries = (dir: string) => (existsSync(dir) ? readdirSync(dir).sort() : []);
/** The lines a command printed to stderr, the temp folder shown as <tmp>. */
const lines = (run: NpmRun, root: string) => run.stderr.replaceAll(root, '<tmp>').trim().split('\n');
/** What a user must not see: a stack trace. */
const STACK = /\n\s+at /;

describe('a publish killed between finishing a release and switching to it', () => {
  let data: TempData;
  let target: string;
  const publish = (fault?: Fault) => runNpm('publish', [target, '--data', data.dataDir], { fault });
  beforeAll(() => {
    data = copyData('publish-kill-');
    target = join(data.root, 'www');
  });
  afterAll(() => data?.cleanup());

  it('leaves a release that is never rolled back to, and is removed by the next publish, which says so', async () => {
    const first = await publish();
    expect(first.status, first.stderr).toBe(0);
    const a = served(target);
    const killed = await publish({ kill: 'after:rename:/changes.json' });
    expect(killed.stderr).toContain('fault-preload: SIGKILL after rename');
    const b = entries(join(target, 'releases')).find((r) => r !== a)!;
    expect(existsSync(join(target, 'releases', b, 'changes.json'))).toBe(true);
    expect(served(target)).toBe(a);
    // The lock of the killed publish is left: the next one takes it over (its process is gone).
    expect(entries(target)).toContain('.publish.lock');

    const third = await publish();
    expect(third.status, third.stderr).toBe(0);
    const c = served(target);
    expect(third.stdout).toContain(`Removed release(s) a stopped publish finished but never served: ${b}.`);
    expect(third.stderr).toMatch(
      /Took over the lock .*\/www\/\.publish\.lock, left by process \d+ that is no longer running\./,
    );
    expect(entries(join(target, 'releases'))).toEqual([a, c]);
    expect(entries(target).filter((n) => n.startsWith('.'))).toEqual([]);

    const back = await runNpm('rollback', [target]);
    expect(back.status, back.stderr).toBe(0);
    expect(served(target)).toBe(a);
  });

  it('counts a release as served once current pointed at it, even when killed before recording it', async () => {
    const before = served(target);
    const killed = await publish({ kill: 'before:rename:served.json' });
    expect(killed.status).not.toBe(0);
    const d = served(target);
    expect(d).not.toBe(before);
    expect(JSON.parse(readFileSync(join(target, 'served.json'), 'utf8')).served).not.toContain(d);
    const next = await publish();
    expect(next.status, next.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(target, 'served.json'), 'utf8')).served).toContain(d);
    const back = await runNpm('rollback', [target]);
    expect(back.stdout).toContain(`now points to releases/${d}`);
  });
});

describe('two publishes at once', () => {
  it('lets one publish and refuses the other, naming the lock', async () => {
    const data = copyData('publish-twice-');
    try {
      const target = join(data.root, 'www');
      // The first holds the lock for a while; the second starts once the lock is there.
      const first = runNpm('publish', [target, '--data', data.dataDir], { fault: { pause: 'write:/.changes-:6000' } });
      const deadline = Date.now() + 60_000;
      while (!existsSync(join(target, '.publish.lock')) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 50));
      const lost = await runNpm('publish', [target, '--data', data.dataDir]);
      const won = await first;
      expect(won.status, won.stderr).toBe(0);
      expect(lost.status).toBe(1);
      expect(lost.stderr).toMatch(
        /^Another publish is running \(process \d+, started .*\); lock file .*\/www\/\.publish\.lock\. Wait for it to finish\. If no publish is running, delete that file\.\n$/,
      );
      expect(entries(join(target, 'releases'))).toEqual([served(target)]);
      expect(entries(target)).toEqual(['current', 'releases', 'served.json']);
    } finally {
      data.cleanup();
    }
  });
});

describe('rollback to a folder that is not there', () => {
  it('says so in one line and exits 1', async () => {
    const run = await runNpm('rollback', ['/khong-co/www']);
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe(
      '/khong-co/www is not a publish target: it has no releases/ folder (npm run publish -- /khong-co/www makes one). Check the path. Nothing was changed.',
    );
  });
});

describe('publishing to a read-only or full disk', () => {
  let data: TempData;
  let disk: SmallDisk | undefined;
  let target: string;
  beforeAll(() => {
    data = copyData('publish-disk-');
    // Room for one release (about 2.2 MB on a tmpfs, its 19 Word reports most of it) but not two. Without a mount, the
    // same errors are injected.
    disk = mountSmallDisk('3200k');
    target = join(disk?.dir ?? join(data.root, 'disk'), 'www');
  });
  afterEach(() => disk?.remount('rw'));
  afterAll(() => {
    disk?.close();
    data?.cleanup();
  });
  const publish = (fault?: Fault) => runNpm('publish', [target, '--data', data.dataDir], { fault });
  const leftovers = () => [
    ...entries(target).filter((n) => n !== 'current' && n !== 'releases' && n !== 'served.json'),
    ...entries(join(target, 'releases')).filter((n) => n !== first),
  ];
  let first: string;

  it('publishes once while there is room', async () => {
    const run = await publish();
    expect(run.status, run.stderr).toBe(0);
    first = served(target);
  });

  it('on a read-only disk: one line saying what to do, exit 1, nothing changed', async () => {
    disk?.remount('ro');
    const run = await publish(disk ? undefined : { error: `write:${target}:EROFS` });
    expect(run.status).toBe(1);
    expect(run.stderr).not.toMatch(STACK);
    expect(lines(run, target)).toEqual([
      `Publish stopped: the folder is on a read-only file system (<tmp>/.publish.lock.${/lock\.(\d+)\.tmp/.exec(run.stderr)?.[1]}.tmp): choose a folder that can be written, or have it mounted read-write. <tmp>/current was not changed.`,
    ]);
    const back = await runNpm('rollback', [target], disk ? {} : { fault: { error: `write:${target}:EROFS` } });
    expect(back.status).toBe(1);
    expect(back.stderr).toMatch(
      /^Rollback stopped: the folder is on a read-only file system \(.*\): .*\. Nothing was changed\.\n$/,
    );
    expect(served(target)).toBe(first);
  });

  it('build and snapshot on a read-only disk: the reason in words, exit 1, nothing changed', async () => {
    disk?.remount('ro');
    const place = disk?.dir ?? join(data.root, 'disk');
    const fault = (op: string) => (disk ? {} : { fault: { error: `${op}:EROFS` } });
    const build = await runNpm(
      'build',
      ['--data', data.dataDir, '--out', join(place, 'dist')],
      fault('rename:/dist.tmp-'),
    );
    expect(build.status).toBe(1);
    expect(build.stderr).not.toMatch(STACK);
    expect(build.stderr).toMatch(
      /Build failed: the folder is on a read-only file system \(.*\/dist\.tmp-\d+\): choose a folder that can be written, or have it mounted read-write\n/,
    );
    const archive = join(place, 'archive');
    const snapshot = await runNpm(
      'snapshot',
      ['2024', '--data', data.dataDir, '--archive', archive],
      fault('mkdir:/.tmp-2024-'),
    );
    expect(snapshot.status).toBe(1);
    expect(snapshot.stderr).toMatch(
      /^Archiving stopped: the folder is on a read-only file system \(.*\): choose a folder that can be written, or have it mounted read-write\. Nothing was changed\.\n$/,
    );
    expect(entries(join(data.dataDir, 'plans'))).toEqual(['2024-khac-phuc']);
  });

  it('on a disk that fills up while the release is written: the reason, exit 1, no half-written release', async () => {
    const run = await publish(disk ? undefined : { error: `rename:${target}/releases/:ENOSPC` });
    expect(run.status).toBe(1);
    expect(run.stderr).not.toMatch(STACK);
    expect(run.stderr).toMatch(/Build failed: the disk is full \(.*\): free some space and run it again\n/);
    expect(run.stderr.replaceAll(target, '<tmp>')).toContain(
      `Publish stopped: the build failed (see above). <tmp>/current still serves releases/${first}.`,
    );
    expect(served(target)).toBe(first);
    expect(leftovers()).toEqual([]);
  });

  it('on a full disk: no empty lock is left, and publishing works as soon as there is room again', async () => {
    const filler = join(disk?.dir ?? data.root, 'filler');
    if (disk) {
      try {
        writeFileSync(filler, Buffer.alloc(8 * 1024 * 1024));
      } catch {
        // Full: what this test needs.
      }
    }
    const run = await publish(disk ? undefined : { error: `write:.publish.lock:ENOSPC` });
    expect(run.status).toBe(1);
    expect(run.stderr).not.toMatch(STACK);
    expect(lines(run, target)).toEqual([
      expect.stringMatching(
        /^Publish stopped: the disk is full(?: \(<tmp>\/\.publish\.lock\.\d+\.tmp\))?: free some space and run it again\. <tmp>\/current was not changed\.$/,
      ),
    ]);
    expect(leftovers()).toEqual([]);
    rmSync(filler, { force: true });
    // Room for a second release beside the one served (the old one is removed only once the new one is served).
    disk?.remount('size=8m');
    const again = await publish();
    expect(again.status, again.stderr).toBe(0);
    expect(served(target)).not.toBe(first);
  });
});
