/** A lock file that lets one publish (or rollback) run at a time: created exclusively, holding the owner's pid and start time. */
import { closeSync, linkSync, openSync, readFileSync, statSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';

/** A held lock; release() removes it. */
export interface HeldLock {
  release(): void;
  /** Set when the lock was taken over from a process that had died: says so. */
  note?: string | undefined;
}

/** Who holds a lock, as written in the file. */
interface LockOwner {
  pid: number;
  started_at: string;
}

/** A lock file is created whole (linked from a written file); only where links are not supported may it be empty for an instant, so an unreadable one older than this is stale. */
const UNREADABLE_GRACE_MS = 5_000;

/** Takes the lock at file, or says who holds it; a lock left by a process that is no longer running is taken over. */
export function acquireLock(
  file: string,
  now: Date = new Date(),
  activity = 'publish',
): { ok: true; lock: HeldLock } | { ok: false; message: string } {
  const mine = `${JSON.stringify({ pid: process.pid, started_at: now.toISOString() } satisfies LockOwner)}\n`;
  let note: string | undefined;
  for (let attempt = 0; attempt < 2; attempt++) {
    if (createLock(file, mine)) return { ok: true, lock: { release: () => releaseLock(file), note } };
    const text = readOrEmpty(file);
    const owner = parseOwner(text);
    const held = owner ? isRunning(owner.pid) : ageMs(file) < UNREADABLE_GRACE_MS;
    if (held) {
      const who = owner ? `process ${owner.pid}, started ${owner.started_at}` : 'a process that is starting';
      return {
        ok: false,
        message: `Another ${activity} is running (${who}); lock file ${file}. Wait for it to finish. If no ${activity} is running, delete that file.`,
      };
    }
    // Stale: its owner died. Remove it only if it is still the same file we judged, then try again once.
    if (readOrEmpty(file) === text) unlinkQuietly(file);
    note = `Took over the lock ${file}, left by ${owner ? `process ${owner.pid}` : 'a process'} that is no longer running.`;
  }
  return { ok: false, message: `Could not take the lock ${file}; another ${activity} may have just started.` };
}

/**
 * Creates the lock file with its content in one step, or returns false when it exists; any other error is thrown, with
 * nothing left behind (a full disk used to leave an empty lock that blocked the next publish).
 */
function createLock(file: string, owner: string): boolean {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, owner);
    linkSync(tmp, file);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw error;
  } finally {
    unlinkQuietly(tmp);
  }
  // A file system without hard links (FAT, some network shares): create exclusively, then write.
  let fd: number;
  try {
    fd = openSync(file, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, owner);
    return true;
  } catch (error) {
    unlinkQuietly(file);
    throw error;
  } finally {
    closeSync(fd);
  }
}

function releaseLock(file: string): void {
  if (parseOwner(readOrEmpty(file))?.pid === process.pid) unlinkQuietly(file);
}

/** True when a process with this pid exists (EPERM means it exists but belongs to someone else). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function parseOwner(text: string): LockOwner | undefined {
  try {
    const value = JSON.parse(text) as Partial<LockOwner>;
    return Number.isInteger(value.pid) && (value.pid as number) > 0
      ? { pid: value.pid as number, started_at: String(value.started_at ?? '?') }
      : undefined;
  } catch {
    return undefined;
  }
}

function readOrEmpty(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

function ageMs(file: string): number {
  try {
    return Date.now() - statSync(file).mtimeMs;
  } catch {
    return Infinity;
  }
}

function unlinkQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // Already gone: another process cleaned it up.
  }
}
