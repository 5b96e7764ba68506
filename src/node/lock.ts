/** A lock file that lets one publish (or rollback) run at a time: created exclusively, holding the owner's pid and start time. */
import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';

/** A held lock; release() removes it. */
export interface HeldLock {
  release(): void;
}

/** Who holds a lock, as written in the file. */
interface LockOwner {
  pid: number;
  started_at: string;
}

/** A lock file just created may still be empty for an instant; this long after, an unreadable one is stale. */
const UNREADABLE_GRACE_MS = 60_000;

/** Takes the lock at file, or says who holds it; a lock left by a process that is no longer running is taken over. */
export function acquireLock(
  file: string,
  now: Date = new Date(),
  activity = 'publish',
): { ok: true; lock: HeldLock } | { ok: false; message: string } {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      try {
        writeSync(fd, `${JSON.stringify({ pid: process.pid, started_at: now.toISOString() } satisfies LockOwner)}\n`);
      } finally {
        closeSync(fd);
      }
      return { ok: true, lock: { release: () => releaseLock(file) } };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
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
  }
  return { ok: false, message: `Could not take the lock ${file}; another ${activity} may have just started.` };
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
