/** Runs a command as a child process and measures its wall time and the peak memory of its whole process tree. */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What a measured run took. */
export interface MeasuredRun {
  code: number;
  seconds: number;
  /** The larger of: the highest sum of resident memory over the tree at one sample, and any one process's own peak (VmHWM). */
  peakMb: number;
  /** User + system CPU seconds of the command and the children it waited for (from /usr/bin/time), when available. */
  cpuSeconds: number | null;
  /** The last lines the command printed, for error messages. */
  output: string;
}

/** GNU time, which reports the CPU time of a command with its children; Debian package `time`. */
const GNU_TIME = '/usr/bin/time';

/** The parent of every process now running, from /proc/<pid>/stat. */
function parents(): Map<number, number> {
  const map = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command name may hold spaces and parentheses; the fields after its closing parenthesis do not.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      map.set(Number(name), Number(fields[1]));
    } catch {
      // the process ended while we looked
    }
  }
  return map;
}

/** The pid and every descendant of it. */
function tree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const [pid, ppid] of parents()) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  const out = [root];
  for (let i = 0; i < out.length; i++) out.push(...(children.get(out[i]!) ?? []));
  return out;
}

/** VmRSS and VmHWM of a process in kB, or undefined once it is gone. */
function memoryOf(pid: number): { rss: number; hwm: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
    return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
  } catch {
    return undefined;
  }
}

/** Spawns the command, samples its process tree every interval ms, and resolves when it exits. */
export function runMeasured(
  command: string,
  args: readonly string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; intervalMs?: number },
): Promise<MeasuredRun> {
  const timeDir = existsSync(GNU_TIME) ? mkdtempSync(join(tmpdir(), 'bench-time-')) : undefined;
  const [cmd, argv] = timeDir
    ? [GNU_TIME, ['-f', '%U %S', '-o', join(timeDir, 'cpu'), command, ...args]]
    : [command, [...args]];
  const started = performance.now();
  const child = spawn(cmd, argv, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-8000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let peakTreeKb = 0;
  const hwm = new Map<number, number>();
  const sample = () => {
    if (child.pid === undefined) return;
    let sum = 0;
    for (const pid of tree(child.pid)) {
      const m = memoryOf(pid);
      if (!m) continue;
      sum += m.rss;
      hwm.set(pid, Math.max(hwm.get(pid) ?? 0, m.hwm));
    }
    peakTreeKb = Math.max(peakTreeKb, sum);
  };
  const timer = setInterval(sample, options.intervalMs ?? 100);
  return new Promise((resolve, reject) => {
    child.on('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearInterval(timer);
      const seconds = (performance.now() - started) / 1000;
      const peakKb = Math.max(peakTreeKb, ...hwm.values());
      resolve({
        code: code ?? 1,
        seconds,
        peakMb: peakKb / 1024,
        cpuSeconds: timeDir ? readCpu(timeDir) : null,
        output,
      });
    });
  });
}

/** The CPU seconds GNU time wrote, or null; removes its folder. */
function readCpu(dir: string): number | null {
  try {
    const [user, system] = readFileSync(join(dir, 'cpu'), 'utf8').trim().split(/\s+/).slice(-2).map(Number);
    return Number.isFinite(user) && Number.isFinite(system) ? user! + system! : null;
  } catch {
    return null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
