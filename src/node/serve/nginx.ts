/** Debian's nginx serving a publish target: the options from the command line and the target, and nginx run as an ordinary process (tests, the load test, `npm run serve-local`). */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { nginxStandaloneConfig, type ServeOptions } from '../../lib/serve/nginx-config';
import { baseOfBuiltPage, type ServeArgs } from '../../lib/serve/serve-args';
import { siteScriptHashes } from './csp-hashes';

/** The nginx binary: $NGINX_PATH, or Debian's. */
export const NGINX = process.env.NGINX_PATH || '/usr/sbin/nginx';

/** The options of a configuration for these arguments: the base path is the one the served release was built for, and a different --base is refused. */
export function serveOptions(
  args: ServeArgs,
): { ok: true; options: ServeOptions; note?: string } | { ok: false; message: string } {
  const page = join(args.target, 'current', 'index.html');
  const built = existsSync(page) ? baseOfBuiltPage(readFileSync(page, 'utf8')) : undefined;
  if (built && args.base && built !== args.base)
    return {
      ok: false,
      message: `--base: "${args.base}" is not the base path ${args.target}/current was built for, "${built}" (SITE_BASE when publishing); give --base ${built} or publish again with SITE_BASE=${args.base}`,
    };
  const base = args.base ?? built ?? '/';
  const note = existsSync(page)
    ? undefined
    : `${args.target}/current/index.html does not exist yet (npm run publish -- ${args.target}); the configuration assumes the base path ${base}.`;
  return { ok: true, options: { ...args, base, scriptHashes: siteScriptHashes() }, ...(note ? { note } : {}) };
}

/** A running nginx. */
export interface RunningNginx {
  /** The site's address, ending with its base path: http://127.0.0.1:<port>/ke-hoach/. */
  url: string;
  port: number;
  /** The folder of its configuration, logs and temporary files. */
  dir: string;
  /** Stops it (gracefully, then by force after 5 s) and removes its folder. */
  stop(): Promise<void>;
}

/** Starts nginx in the foreground on `options.port` (a free one on 127.0.0.1 when 0) serving options.target; resolves once it answers. */
export async function startNginx(options: ServeOptions): Promise<RunningNginx> {
  const port = options.port || (await freePort());
  const dir = mkdtempSync(join(tmpdir(), 'ke-hoach-nginx-'));
  const config = join(dir, 'nginx.conf');
  const user = process.getuid?.() === 0 ? userInfo().username : undefined;
  writeFileSync(config, nginxStandaloneConfig({ ...options, port, listen: options.listen ?? '127.0.0.1', dir, user }));
  const child = spawn(NGINX, ['-p', dir, '-c', config, '-e', join(dir, 'error.log')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let output = '';
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => {
    child.on('error', () => resolve(-1));
    child.on('exit', (code) => resolve(code));
  });
  const host = options.listen && options.listen !== '0.0.0.0' ? options.listen : '127.0.0.1';
  const url = `http://${host}:${port}${options.base}`;
  const stop = () => stopProcess(child, exited).finally(() => rmSync(dir, { recursive: true, force: true }));
  const up = await waitUntilUp(url, exited);
  if (!up) {
    await stop();
    const log = existsSync(join(dir, 'error.log')) ? readFileSync(join(dir, 'error.log'), 'utf8') : '';
    throw new Error(`nginx (${NGINX}) did not start on port ${port}: ${(output + log).trim() || 'no message'}`);
  }
  return { url, port, dir, stop };
}

/** A port nothing listens on at the moment, from the system. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitUntilUp(url: string, exited: Promise<number | null>): Promise<boolean> {
  let gone = false;
  void exited.then(() => (gone = true));
  for (let i = 0; i < 100 && !gone; i++) {
    try {
      await fetch(url, { method: 'HEAD' });
      return true;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return false;
}

async function stopProcess(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGQUIT');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}
