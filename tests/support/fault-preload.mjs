/**
 * A preload for fault tests, run as `NODE_OPTIONS=--import <this file>` so that it reaches the Node that
 * `npm run …` starts (the project's Node 24, through tsx). It arms itself only in the main thread of the script's
 * process (`scripts/*.ts`), not in npm, tsx's launcher or the render threads.
 *
 * PLAN_FAULT_KILL=<before|after>:<op>:<text>[#n]  SIGKILLs the process before or after the n-th (default first)
 *   call of fs.<op>Sync whose path (either path, for rename, cp, link and symlink) contains <text>.
 * PLAN_FAULT_ERROR=<op>:<text>:<CODE>  makes every such call throw an error with that code (ENOSPC, EROFS, …),
 *   as a full or read-only disk would, for machines where a test cannot mount a small file system.
 * PLAN_FAULT_PAUSE=<op>:<text>:<ms>  holds the process for ms before the first such call (a run caught mid-way).
 *
 * Ops: rename, symlink, link, write (writeFileSync), open, mkdir, mkdtemp, rm, cp.
 */
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { isMainThread } from 'node:worker_threads';

const OPS = {
  rename: 'renameSync',
  symlink: 'symlinkSync',
  link: 'linkSync',
  write: 'writeFileSync',
  open: 'openSync',
  mkdir: 'mkdirSync',
  mkdtemp: 'mkdtempSync',
  rm: 'rmSync',
  cp: 'cpSync',
};

const script = process.argv[1] ?? '';
const armed = isMainThread && /[\\/]scripts[\\/][\w-]+\.ts$/.test(script);

function pathsOf(op, args) {
  const two = op === 'rename' || op === 'cp' || op === 'link' || op === 'symlink';
  return (two ? [args[0], args[1]] : [args[0]]).filter((p) => typeof p === 'string' || p instanceof URL).map(String);
}

function wrap(op, hook) {
  const name = OPS[op];
  if (!name) throw new Error(`fault-preload: unknown op ${op} (known: ${Object.keys(OPS).join(', ')})`);
  const original = fs[name];
  fs[name] = function (...args) {
    return hook(pathsOf(op, args), () => original.apply(this, args));
  };
}

function kill(when, op, path) {
  process.stderr.write(`fault-preload: SIGKILL ${when} ${op} ${path} (pid ${process.pid}, node ${process.version})\n`);
  process.kill(process.pid, 'SIGKILL');
}

if (armed && process.env.PLAN_FAULT_KILL) {
  const match = /^(before|after):(\w+):(.+?)(?:#(\d+))?$/.exec(process.env.PLAN_FAULT_KILL);
  if (!match)
    throw new Error(
      `fault-preload: PLAN_FAULT_KILL=${process.env.PLAN_FAULT_KILL} is not <before|after>:<op>:<text>[#n]`,
    );
  const [, when, op, text, nth] = match;
  let seen = 0;
  wrap(op, (paths, call) => {
    const hit = paths.find((p) => p.includes(text));
    if (hit === undefined || ++seen !== Number(nth ?? 1)) return call();
    if (when === 'before') kill(when, op, hit);
    const result = call();
    kill(when, op, hit);
    return result;
  });
}

if (armed && process.env.PLAN_FAULT_ERROR) {
  const match = /^(\w+):(.+):([A-Z]+)$/.exec(process.env.PLAN_FAULT_ERROR);
  if (!match)
    throw new Error(`fault-preload: PLAN_FAULT_ERROR=${process.env.PLAN_FAULT_ERROR} is not <op>:<text>:<CODE>`);
  const [, op, text, code] = match;
  wrap(op, (paths, call) => {
    const hit = paths.find((p) => p.includes(text));
    if (hit === undefined) return call();
    const error = new Error(`${code}: injected fault, ${op} '${hit}'`);
    Object.assign(error, { code, syscall: op, path: hit });
    throw error;
  });
}

if (armed && process.env.PLAN_FAULT_PAUSE) {
  const match = /^(\w+):(.+):(\d+)$/.exec(process.env.PLAN_FAULT_PAUSE);
  if (!match)
    throw new Error(`fault-preload: PLAN_FAULT_PAUSE=${process.env.PLAN_FAULT_PAUSE} is not <op>:<text>:<ms>`);
  const [, op, text, ms] = match;
  let paused = false;
  wrap(op, (paths, call) => {
    if (!paused && paths.some((p) => p.includes(text))) {
      paused = true;
      process.stderr.write(`fault-preload: pausing ${ms} ms before ${op} (pid ${process.pid})\n`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(ms));
    }
    return call();
  });
}

syncBuiltinESMExports();
