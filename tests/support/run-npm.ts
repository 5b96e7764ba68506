/** Runs the project's commands as a user does (`npm run <script> -- …`), optionally with a fault armed by tests/support/fault-preload.mjs. */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

/** What a command printed and how it ended. */
export interface NpmRun {
  /** The exit code, or null when killed by a signal. */
  status: number | null;
  stdout: string;
  stderr: string;
}

/** A fault for fault-preload.mjs: `{ kill: 'after:rename:.snapshot-' }`, `{ error: 'mkdir:/releases:EROFS' }` or `{ pause: 'write:.changes-:5000' }`. */
export interface Fault {
  kill?: string;
  error?: string;
  pause?: string;
}

const PRELOAD = resolve('tests/support/fault-preload.mjs');

/** The environment of a command: this one, the fault's variables and the preload, and `env`. */
function envFor(fault: Fault | undefined, env: Record<string, string>): NodeJS.ProcessEnv {
  const faultEnv: Record<string, string> = {};
  if (fault?.kill) faultEnv.PLAN_FAULT_KILL = fault.kill;
  if (fault?.error) faultEnv.PLAN_FAULT_ERROR = fault.error;
  if (fault?.pause) faultEnv.PLAN_FAULT_PAUSE = fault.pause;
  if (fault) faultEnv.NODE_OPTIONS = `--import ${PRELOAD}`;
  // The npm that vitest was started from is not ours to configure; a command runs as from a plain shell.
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(npm_|VITEST|NODE_OPTIONS$)/.test(k)));
  return { ...base, ...faultEnv, ...env };
}

/** Runs `npm run <script> -- ...args` in the project and waits for it (asynchronously, so a test's other work goes on). */
export function runNpm(
  script: string,
  args: readonly string[] = [],
  options: { fault?: Fault; env?: Record<string, string> } = {},
): Promise<NpmRun> {
  const child = spawn('npm', ['run', '--silent', script, '--', ...args], {
    cwd: resolve('.'),
    env: envFor(options.fault, options.env ?? {}),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise((done, fail) => {
    child.on('error', fail);
    child.on('close', (status) => done({ status, stdout, stderr }));
  });
}
