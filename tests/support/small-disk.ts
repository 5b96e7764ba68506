/** A small tmpfs to fill up or make read-only, for tests of full and read-only disks; only where the test may mount (root with CAP_SYS_ADMIN). */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A mounted tmpfs: its folder, a way to change its options (`ro`, `rw`, `size=4m`), and unmounting. */
export interface SmallDisk {
  dir: string;
  remount(options: string): void;
  close(): void;
}

/** Mounts a tmpfs of `size` (like `1600k`), or returns undefined when this machine does not let a test mount one. */
export function mountSmallDisk(size: string): SmallDisk | undefined {
  // PLAN_TEST_NO_MOUNT=1 tries the tests' other way (injected errors), as on a machine where mounting is not allowed.
  if (process.platform !== 'linux' || process.getuid?.() !== 0 || process.env.PLAN_TEST_NO_MOUNT) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'small-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0755`, 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return undefined;
  }
  return {
    dir,
    remount: (options) => execFileSync('mount', ['-o', `remount,${options}`, dir], { stdio: 'ignore' }),
    close() {
      execFileSync('umount', ['-l', dir], { stdio: 'ignore' });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
